import { useId } from "react";

export type FaqItem = { question: string; answer: string };

export type FaqProps = {
  id?: string;
  title?: string;
  subtitle?: string;
  items?: FaqItem[];
};

export default function Faq({
  id = "faq",
  title = "Frequently asked questions",
  subtitle = "Can't find what you're looking for? Reach out and we'll get back to you within a day.",
  items = [
    {
      question: "Is there a free plan?",
      answer: "Yes. The Starter plan is free forever, with no credit card required.",
    },
    {
      question: "Can I cancel anytime?",
      answer: "Absolutely. You can cancel or change your plan at any time from your settings.",
    },
    {
      question: "Do you offer discounts?",
      answer: "We offer discounts for non-profits, students and annual billing.",
    },
    {
      question: "Where is my data stored?",
      answer: "Your data is encrypted and stored in certified data centres in the EU and US.",
    },
  ],
}: FaqProps) {
  const titleId = useId();

  return (
    <section id={id} aria-labelledby={titleId} className="bg-surface py-24 sm:py-32">
      <div className="mx-auto grid max-w-6xl gap-12 px-6 lg:grid-cols-[2fr_3fr] lg:px-8">
        <div>
          <h2
            id={titleId}
            className="font-display text-3xl font-bold tracking-tight text-balance text-ink sm:text-4xl"
          >
            {title}
          </h2>
          {subtitle ? <p className="mt-4 text-lg leading-8 text-pretty text-ink-muted">{subtitle}</p> : null}
        </div>
        <div className="divide-y divide-line border-y border-line">
          {items.map((item) => (
            <details key={item.question} className="group py-2">
              <summary className="flex cursor-pointer list-none items-center justify-between gap-6 rounded-lg py-4 text-left text-base font-semibold text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 [&::-webkit-details-marker]:hidden">
                {item.question}
                <span className="grid size-7 flex-none place-items-center rounded-full bg-accent-soft text-accent transition group-open:rotate-45">
                  <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
                    <path d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1Z" />
                  </svg>
                </span>
              </summary>
              <p className="pr-12 pb-4 text-base leading-7 text-ink-muted">{item.answer}</p>
            </details>
          ))}
        </div>
      </div>
    </section>
  );
}
