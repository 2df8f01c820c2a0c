import { useId } from "react";

export type PricingPlan = {
  name: string;
  price: string;
  period?: string;
  description: string;
  features: string[];
  cta: string;
  href?: string;
  featured?: boolean;
};

export type PricingProps = {
  id?: string;
  eyebrow?: string;
  title?: string;
  subtitle?: string;
  plans?: PricingPlan[];
  note?: string;
  featuredLabel?: string;
};

export default function Pricing({
  id = "pricing",
  eyebrow = "Pricing",
  title = "Simple pricing that scales with you",
  subtitle = "Start free, upgrade when you grow. No hidden fees, cancel anytime.",
  plans = [
    {
      name: "Starter",
      price: "$0",
      period: "/month",
      description: "For individuals getting started.",
      features: ["1 project", "Basic analytics", "Community support"],
      cta: "Start for free",
    },
    {
      name: "Pro",
      price: "$29",
      period: "/month",
      description: "For growing teams that need more.",
      features: ["Unlimited projects", "Advanced analytics", "Priority support", "Custom domains"],
      cta: "Start free trial",
      featured: true,
    },
    {
      name: "Enterprise",
      price: "Custom",
      description: "For organisations with advanced needs.",
      features: ["SSO & SAML", "Audit logs", "Dedicated manager", "99.99% SLA"],
      cta: "Contact sales",
    },
  ],
  note = "All plans include a 14-day free trial.",
  featuredLabel = "Most popular",
}: PricingProps) {
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
        <ul className="mx-auto mt-16 grid max-w-md items-start gap-6 lg:max-w-none lg:grid-cols-3">
          {plans.map((plan) => (
            <li
              key={plan.name}
              className={`relative flex h-full flex-col rounded-3xl p-8 ${
                plan.featured
                  ? "bg-card shadow-xl shadow-brand-900/10 ring-2 ring-brand-500"
                  : "border border-line bg-card shadow-sm"
              }`}
            >
              {plan.featured && featuredLabel ? (
                <p className="absolute -top-3 left-8 rounded-full bg-primary px-3 py-1 text-xs font-semibold text-on-primary">
                  {featuredLabel}
                </p>
              ) : null}
              <h3 className="text-lg font-semibold text-ink">{plan.name}</h3>
              <p className="mt-2 text-sm leading-6 text-ink-muted">{plan.description}</p>
              <p className="mt-6 flex items-baseline gap-1">
                <span className="font-display text-4xl font-bold tracking-tight text-ink">{plan.price}</span>
                {plan.period ? (
                  <span className="text-sm font-medium text-ink-muted">{plan.period}</span>
                ) : null}
              </p>
              <a
                href={plan.href ?? "#"}
                className={`mt-6 block rounded-full px-4 py-2.5 text-center text-sm font-semibold transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ${
                  plan.featured
                    ? "bg-primary text-on-primary shadow-sm hover:bg-primary-hover"
                    : "bg-accent-soft text-accent-ink ring-1 ring-brand-500/20 hover:ring-brand-500/40"
                }`}
              >
                {plan.cta}
              </a>
              <ul className="mt-8 space-y-3 text-sm leading-6 text-ink-muted">
                {plan.features.map((feature) => (
                  <li key={feature} className="flex gap-3">
                    <svg
                      viewBox="0 0 20 20"
                      fill="currentColor"
                      className="h-6 w-5 flex-none text-accent"
                      aria-hidden="true"
                    >
                      <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
                    </svg>
                    {feature}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        {note ? <p className="mt-10 text-center text-sm text-ink-muted">{note}</p> : null}
      </div>
    </section>
  );
}
