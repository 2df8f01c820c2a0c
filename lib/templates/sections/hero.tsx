import { useId } from "react";

export type HeroProps = {
  id?: string;
  eyebrow?: string;
  title?: string;
  subtitle?: string;
  primaryCta?: string;
  primaryHref?: string;
  secondaryCta?: string;
  secondaryHref?: string;
  align?: "center" | "left";
  visual?: "mockup" | "image" | "none";
  imageUrl?: string;
  imageAlt?: string;
};

export default function Hero({
  id = "top",
  eyebrow = "New · Version 2.0 is here",
  title = "Build something people love",
  subtitle = "Everything you need to launch, grow and delight your customers — in one beautifully simple place.",
  primaryCta = "Get started free",
  primaryHref = "#pricing",
  secondaryCta = "See how it works",
  secondaryHref = "#features",
  align = "center",
  visual = "mockup",
  imageUrl = "",
  imageAlt = "",
}: HeroProps) {
  const titleId = useId();
  const centered = align === "center";

  return (
    <section id={id} aria-labelledby={titleId} className="relative isolate overflow-hidden bg-surface">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 -top-48 -z-10 flex justify-center"
      >
        <div className="h-[36rem] w-[64rem] rounded-full bg-linear-to-tr from-brand-300/60 via-brand-500/30 to-brand-700/30 opacity-50 blur-3xl" />
      </div>
      <div
        aria-hidden="true"
        className="absolute inset-0 -z-10 bg-[radial-gradient(var(--color-line)_1px,transparent_1px)] [mask-image:linear-gradient(to_bottom,black,transparent_75%)] bg-size-[24px_24px] opacity-60"
      />

      <div
        className={`mx-auto max-w-6xl px-6 pt-20 pb-24 sm:pt-28 lg:px-8 ${
          centered ? "text-center" : visual === "none" ? "" : "grid items-center gap-16 lg:grid-cols-2"
        }`}
      >
        <div className={centered ? "mx-auto max-w-3xl" : visual === "none" ? "max-w-3xl" : "max-w-xl"}>
          {eyebrow ? (
            <p className="inline-flex items-center gap-2 rounded-full border border-brand-500/20 bg-accent-soft px-3 py-1 text-sm font-medium text-accent-ink">
              <span aria-hidden="true" className="size-1.5 rounded-full bg-brand-500" />
              {eyebrow}
            </p>
          ) : null}
          <h1
            id={titleId}
            className="mt-6 font-display text-4xl font-bold tracking-tight text-balance text-ink sm:text-6xl"
          >
            {title}
          </h1>
          {subtitle ? (
            <p className="mt-6 text-lg leading-8 text-pretty text-ink-muted sm:text-xl">{subtitle}</p>
          ) : null}
          <div className={`mt-10 flex flex-wrap items-center gap-4 ${centered ? "justify-center" : ""}`}>
            {primaryCta ? (
              <a
                href={primaryHref}
                className="inline-flex items-center gap-2 rounded-full bg-primary px-6 py-3 text-sm font-semibold text-on-primary shadow-lg shadow-brand-600/20 transition hover:bg-primary-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
              >
                {primaryCta}
                <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
                  <path d="M3 10a.75.75 0 0 1 .75-.75h10.64l-3.22-3.22a.75.75 0 1 1 1.06-1.06l4.5 4.5a.75.75 0 0 1 0 1.06l-4.5 4.5a.75.75 0 1 1-1.06-1.06l3.22-3.22H3.75A.75.75 0 0 1 3 10Z" />
                </svg>
              </a>
            ) : null}
            {secondaryCta ? (
              <a
                href={secondaryHref}
                className="inline-flex items-center rounded-full border border-line bg-card px-6 py-3 text-sm font-semibold text-ink shadow-sm transition hover:border-brand-300 hover:text-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
              >
                {secondaryCta}
              </a>
            ) : null}
          </div>
        </div>

        {visual === "image" && imageUrl ? (
          <div className={centered ? "mx-auto mt-16 max-w-5xl" : ""}>
            <img
              src={imageUrl}
              alt={imageAlt}
              className="w-full rounded-2xl border border-line object-cover shadow-2xl shadow-brand-900/10"
            />
          </div>
        ) : null}

        {visual === "mockup" ? (
          <div aria-hidden="true" className={centered ? "mx-auto mt-16 max-w-5xl" : ""}>
            <div className="rounded-2xl border border-line bg-card/80 p-2 shadow-2xl shadow-brand-900/10 ring-1 ring-brand-500/5 backdrop-blur">
              <div className="flex items-center gap-1.5 px-3 py-2">
                <span className="size-2.5 rounded-full bg-ink-subtle/30" />
                <span className="size-2.5 rounded-full bg-ink-subtle/30" />
                <span className="size-2.5 rounded-full bg-ink-subtle/30" />
                <span className="ml-4 h-5 flex-1 rounded-md bg-surface-alt" />
              </div>
              <div className="grid gap-3 rounded-xl bg-surface-alt p-4 text-left sm:grid-cols-[10rem_1fr]">
                <div className="hidden flex-col gap-2 sm:flex">
                  <span className="h-7 rounded-md bg-accent-soft" />
                  <span className="h-7 rounded-md bg-card" />
                  <span className="h-7 rounded-md bg-card" />
                  <span className="h-7 rounded-md bg-card" />
                </div>
                <div className="grid gap-3">
                  <div className="grid grid-cols-3 gap-3">
                    {[72, 48, 90].map((width) => (
                      <div key={width} className="rounded-lg bg-card p-3 shadow-sm">
                        <span className="block h-2 w-12 rounded bg-ink-subtle/25" />
                        <span
                          className="mt-3 block h-4 rounded bg-brand-500/80"
                          style={{ width: `${width}%` }}
                        />
                      </div>
                    ))}
                  </div>
                  <div className="flex h-40 items-end gap-2 rounded-lg bg-card p-4 shadow-sm">
                    {[40, 65, 50, 80, 60, 95, 75, 100, 85, 70, 90, 110].map((height, index) => (
                      <span
                        key={index}
                        className="flex-1 rounded-t bg-linear-to-t from-brand-600 to-brand-400"
                        style={{ height: `${(height / 110) * 100}%` }}
                      />
                    ))}
                  </div>
                </div>
              </div>
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
