import { useId } from "react";

export type StatItem = { value: string; label: string };

export type StatsProps = {
  id?: string;
  title?: string;
  subtitle?: string;
  items?: StatItem[];
};

export default function Stats({
  id = "stats",
  title = "Trusted by teams who ship",
  subtitle = "Numbers that speak for themselves.",
  items = [
    { value: "12k+", label: "Active teams" },
    { value: "99.99%", label: "Uptime last year" },
    { value: "3.2×", label: "Faster launches" },
    { value: "4.9/5", label: "Average rating" },
  ],
}: StatsProps) {
  const titleId = useId();

  return (
    <section id={id} aria-labelledby={titleId} className="bg-surface py-24 sm:py-28">
      <div className="mx-auto max-w-6xl px-6 lg:px-8">
        <div className="mx-auto max-w-2xl text-center">
          <h2
            id={titleId}
            className="font-display text-3xl font-bold tracking-tight text-balance text-ink sm:text-4xl"
          >
            {title}
          </h2>
          {subtitle ? <p className="mt-4 text-lg leading-8 text-ink-muted">{subtitle}</p> : null}
        </div>
        <dl className="mt-14 grid gap-px overflow-hidden rounded-3xl border border-line bg-line sm:grid-cols-2 lg:grid-cols-4">
          {items.map((item) => (
            <div key={item.label} className="flex flex-col gap-2 bg-card px-8 py-10 text-center">
              <dt className="text-sm leading-6 font-medium text-ink-muted">{item.label}</dt>
              <dd className="order-first font-display text-4xl font-bold tracking-tight text-accent sm:text-5xl">
                {item.value}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
