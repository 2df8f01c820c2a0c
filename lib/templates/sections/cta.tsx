import { useId } from "react";

export type CtaProps = {
  id?: string;
  title?: string;
  subtitle?: string;
  primaryCta?: string;
  primaryHref?: string;
  secondaryCta?: string;
  secondaryHref?: string;
};

export default function Cta({
  id = "get-started",
  title = "Ready to get started?",
  subtitle = "Join thousands of teams building better products today. It only takes a minute.",
  primaryCta = "Start for free",
  primaryHref = "#pricing",
  secondaryCta = "Talk to sales",
  secondaryHref = "#contact",
}: CtaProps) {
  const titleId = useId();

  return (
    <section id={id} aria-labelledby={titleId} className="bg-surface px-6 py-24 sm:py-28 lg:px-8">
      <div className="relative isolate mx-auto max-w-6xl overflow-hidden rounded-3xl bg-linear-to-br from-brand-600 via-brand-700 to-brand-900 px-6 py-20 text-center shadow-2xl shadow-brand-900/20 sm:px-16">
        <div
          aria-hidden="true"
          className="absolute -top-24 -right-24 -z-10 size-80 rounded-full bg-brand-400/30 blur-3xl"
        />
        <div
          aria-hidden="true"
          className="absolute -bottom-32 -left-16 -z-10 size-96 rounded-full bg-brand-300/20 blur-3xl"
        />
        <h2
          id={titleId}
          className="mx-auto max-w-2xl font-display text-3xl font-bold tracking-tight text-balance text-white sm:text-4xl"
        >
          {title}
        </h2>
        {subtitle ? (
          <p className="mx-auto mt-6 max-w-xl text-lg leading-8 text-pretty text-brand-100">{subtitle}</p>
        ) : null}
        <div className="mt-10 flex flex-wrap items-center justify-center gap-4">
          {primaryCta ? (
            <a
              href={primaryHref}
              className="rounded-full bg-white px-6 py-3 text-sm font-semibold text-brand-700 shadow-sm transition hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              {primaryCta}
            </a>
          ) : null}
          {secondaryCta ? (
            <a
              href={secondaryHref}
              className="rounded-full px-6 py-3 text-sm font-semibold text-white ring-1 ring-white/30 transition hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              {secondaryCta} <span aria-hidden="true">→</span>
            </a>
          ) : null}
        </div>
      </div>
    </section>
  );
}
