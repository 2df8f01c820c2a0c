import type { ReactNode } from "react";
import { useId } from "react";

export type FeatureItem = { icon?: string; title: string; description: string };

export type FeaturesProps = {
  id?: string;
  eyebrow?: string;
  title?: string;
  subtitle?: string;
  items?: FeatureItem[];
};

// Outline icons (24×24, stroke) so the section needs no icon package.
const ICONS: Record<string, ReactNode> = {
  bolt: <path d="M13 2 3 14h9l-1 8 10-12h-9l1-8Z" />,
  shield: (
    <>
      <path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10Z" />
      <path d="m9 12 2 2 4-4" />
    </>
  ),
  chart: <path d="M3 3v18h18M7 16v-4M12 16V8M17 16v-7" />,
  sparkles: (
    <>
      <path d="M12 3l1.9 5.1L19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9Z" />
      <path d="M19 17v4M17 19h4" />
    </>
  ),
  globe: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20M12 2a15 15 0 0 1 0 20 15 15 0 0 1 0-20" />
    </>
  ),
  users: (
    <>
      <circle cx="9" cy="7" r="4" />
      <path d="M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2M16 3.13a4 4 0 0 1 0 7.75M21 21v-2a4 4 0 0 0-3-3.85" />
    </>
  ),
  code: <path d="m16 18 6-6-6-6M8 6l-6 6 6 6" />,
  clock: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M12 6v6l4 2" />
    </>
  ),
  heart: (
    <path d="M19 14c1.49-1.46 3-3.21 3-5.5A5.5 5.5 0 0 0 16.5 3c-1.76 0-3 .5-4.5 2-1.5-1.5-2.74-2-4.5-2A5.5 5.5 0 0 0 2 8.5c0 2.3 1.5 4.05 3 5.5l7 7Z" />
  ),
  star: <path d="m12 2 3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01Z" />,
  calendar: (
    <>
      <rect x="3" y="4" width="18" height="18" rx="2" />
      <path d="M16 2v4M8 2v4M3 10h18" />
    </>
  ),
  pin: (
    <>
      <path d="M20 10c0 6-8 12-8 12s-8-6-8-12a8 8 0 0 1 16 0Z" />
      <circle cx="12" cy="10" r="3" />
    </>
  ),
  mic: <path d="M12 2a3 3 0 0 0-3 3v7a3 3 0 0 0 6 0V5a3 3 0 0 0-3-3ZM19 10v2a7 7 0 0 1-14 0v-2M12 19v3" />,
  lock: (
    <>
      <rect x="3" y="11" width="18" height="11" rx="2" />
      <path d="M7 11V7a5 5 0 0 1 10 0v4" />
    </>
  ),
  layers: <path d="m12 2 10 5-10 5L2 7ZM2 17l10 5 10-5M2 12l10 5 10-5" />,
  pen: <path d="M12 20h9M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4Z" />,
  check: <path d="M20 6 9 17l-5-5" />,
  mail: (
    <>
      <rect x="2" y="4" width="20" height="16" rx="2" />
      <path d="m22 7-10 5L2 7" />
    </>
  ),
  camera: (
    <>
      <path d="M14.5 4h-5L7 7H4a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V9a2 2 0 0 0-2-2h-3Z" />
      <circle cx="12" cy="13" r="3" />
    </>
  ),
};

export default function Features({
  id = "features",
  eyebrow = "Why teams switch",
  title = "Everything you need, nothing you don't",
  subtitle = "Powerful building blocks that work together out of the box, so you can focus on what matters.",
  items = [
    {
      icon: "bolt",
      title: "Lightning fast",
      description: "Pages load in milliseconds on any device, anywhere.",
    },
    {
      icon: "shield",
      title: "Secure by default",
      description: "Encryption, audit logs and SSO come standard.",
    },
    {
      icon: "chart",
      title: "Insightful analytics",
      description: "See what works with clear, real-time dashboards.",
    },
    {
      icon: "users",
      title: "Built for teams",
      description: "Invite your team and collaborate without friction.",
    },
    {
      icon: "code",
      title: "Developer friendly",
      description: "A clean API and webhooks for everything you build.",
    },
    {
      icon: "sparkles",
      title: "Delightful details",
      description: "Thoughtful touches that your customers will notice.",
    },
  ],
}: FeaturesProps) {
  const titleId = useId();

  return (
    <section id={id} aria-labelledby={titleId} className="bg-surface-alt py-24 sm:py-32">
      <div className="mx-auto max-w-6xl px-6 lg:px-8">
        <div className="mx-auto max-w-2xl text-center">
          {eyebrow ? <p className="text-sm font-semibold text-accent">{eyebrow}</p> : null}
          <h2
            id={titleId}
            className="mt-2 font-display text-3xl font-bold tracking-tight text-balance text-ink sm:text-4xl"
          >
            {title}
          </h2>
          {subtitle ? <p className="mt-4 text-lg leading-8 text-pretty text-ink-muted">{subtitle}</p> : null}
        </div>
        <ul className="mx-auto mt-16 grid max-w-5xl gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((item) => (
            <li
              key={item.title}
              className="group rounded-2xl border border-line bg-card p-6 shadow-sm transition hover:-translate-y-0.5 hover:border-brand-300 hover:shadow-md"
            >
              <span className="grid size-11 place-items-center rounded-xl bg-accent-soft text-accent ring-1 ring-brand-500/15 transition group-hover:bg-primary group-hover:text-on-primary">
                <svg
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.75"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  className="size-5"
                  aria-hidden="true"
                >
                  {ICONS[item.icon ?? ""] ?? ICONS.sparkles}
                </svg>
              </span>
              <h3 className="mt-5 text-base font-semibold text-ink">{item.title}</h3>
              <p className="mt-2 text-sm leading-6 text-ink-muted">{item.description}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
