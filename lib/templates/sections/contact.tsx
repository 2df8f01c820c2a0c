import type { FormEvent } from "react";
import { useId, useState } from "react";

export type ContactProps = {
  id?: string;
  title?: string;
  subtitle?: string;
  email?: string;
  action?: string;
  nameLabel?: string;
  emailLabel?: string;
  messageLabel?: string;
  submitLabel?: string;
  successMessage?: string;
};

const fieldClass =
  "mt-2 block w-full rounded-xl border border-line bg-card px-4 py-3 text-base text-ink shadow-sm placeholder:text-ink-subtle focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none";

export default function Contact({
  id = "contact",
  title = "Get in touch",
  subtitle = "Have a question or a project in mind? Send a message and we'll reply within one business day.",
  email = "hello@example.com",
  action = "",
  nameLabel = "Your name",
  emailLabel = "Email address",
  messageLabel = "Message",
  submitLabel = "Send message",
  successMessage = "Thanks! Your message is on its way — we'll be in touch soon.",
}: ContactProps) {
  const titleId = useId();
  const fieldId = useId();
  const [sent, setSent] = useState(false);

  // Without an `action` URL there is no backend: acknowledge the message in the page instead.
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    if (action) return;
    event.preventDefault();
    setSent(true);
    event.currentTarget.reset();
  }

  return (
    <section id={id} aria-labelledby={titleId} className="bg-surface-alt py-24 sm:py-32">
      <div className="mx-auto grid max-w-6xl gap-12 px-6 lg:grid-cols-2 lg:px-8">
        <div>
          <h2
            id={titleId}
            className="font-display text-3xl font-bold tracking-tight text-balance text-ink sm:text-4xl"
          >
            {title}
          </h2>
          {subtitle ? <p className="mt-4 text-lg leading-8 text-pretty text-ink-muted">{subtitle}</p> : null}
          {email ? (
            <p className="mt-8 flex items-center gap-3 text-base text-ink">
              <span className="grid size-10 place-items-center rounded-xl bg-accent-soft text-accent">
                <svg
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.75"
                  className="size-5"
                  aria-hidden="true"
                >
                  <rect x="2" y="4" width="20" height="16" rx="2" />
                  <path d="m22 7-10 5L2 7" />
                </svg>
              </span>
              <a
                href={`mailto:${email}`}
                className="font-medium hover:text-accent focus-visible:outline-2 focus-visible:outline-brand-500"
              >
                {email}
              </a>
            </p>
          ) : null}
        </div>

        <form
          action={action || undefined}
          method="post"
          onSubmit={handleSubmit}
          className="rounded-3xl border border-line bg-card p-8 shadow-sm"
        >
          <div className="grid gap-6">
            <div>
              <label htmlFor={`${fieldId}-name`} className="block text-sm font-medium text-ink">
                {nameLabel}
              </label>
              <input
                id={`${fieldId}-name`}
                name="name"
                type="text"
                autoComplete="name"
                required
                className={fieldClass}
              />
            </div>
            <div>
              <label htmlFor={`${fieldId}-email`} className="block text-sm font-medium text-ink">
                {emailLabel}
              </label>
              <input
                id={`${fieldId}-email`}
                name="email"
                type="email"
                autoComplete="email"
                required
                className={fieldClass}
              />
            </div>
            <div>
              <label htmlFor={`${fieldId}-message`} className="block text-sm font-medium text-ink">
                {messageLabel}
              </label>
              <textarea id={`${fieldId}-message`} name="message" rows={5} required className={fieldClass} />
            </div>
            <button
              type="submit"
              className="inline-flex justify-center rounded-full bg-primary px-6 py-3 text-sm font-semibold text-on-primary shadow-sm transition hover:bg-primary-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
            >
              {submitLabel}
            </button>
            <p role="status" className="text-sm font-medium text-accent empty:hidden">
              {sent ? successMessage : ""}
            </p>
          </div>
        </form>
      </div>
    </section>
  );
}
