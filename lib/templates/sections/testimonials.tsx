import { useId } from "react";

export type Testimonial = { quote: string; name: string; role: string; avatarUrl?: string };

export type TestimonialsProps = {
  id?: string;
  eyebrow?: string;
  title?: string;
  subtitle?: string;
  items?: Testimonial[];
};

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");
}

export default function Testimonials({
  id = "testimonials",
  eyebrow = "Loved by customers",
  title = "Don't just take our word for it",
  subtitle = "Thousands of teams rely on us every day. Here is what a few of them say.",
  items = [
    {
      quote: "We launched in a weekend what used to take us a quarter. The whole team is hooked.",
      name: "Sofia Martins",
      role: "Head of Product, Northwind",
    },
    {
      quote: "The attention to detail is unreal. Our customers noticed the difference on day one.",
      name: "James Okafor",
      role: "Founder, Globex",
    },
    {
      quote: "Finally a tool that gets out of the way. Setup took minutes and support is fantastic.",
      name: "Mei Tanaka",
      role: "Engineering Lead, Initech",
    },
  ],
}: TestimonialsProps) {
  const titleId = useId();

  return (
    <section id={id} aria-labelledby={titleId} className="bg-surface py-24 sm:py-32">
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
        <ul className="mt-16 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          {items.map((item) => (
            <li key={item.name + item.quote.slice(0, 16)}>
              <figure className="flex h-full flex-col justify-between rounded-2xl border border-line bg-card p-8 shadow-sm">
                <div>
                  <div className="flex gap-0.5 text-amber-400" role="img" aria-label="5 out of 5 stars">
                    {[1, 2, 3, 4, 5].map((star) => (
                      <svg
                        key={star}
                        viewBox="0 0 20 20"
                        fill="currentColor"
                        className="size-4"
                        aria-hidden="true"
                      >
                        <path d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9Z" />
                      </svg>
                    ))}
                  </div>
                  <blockquote className="mt-5 text-base leading-7 text-ink">
                    <p>“{item.quote}”</p>
                  </blockquote>
                </div>
                <figcaption className="mt-8 flex items-center gap-3">
                  {item.avatarUrl ? (
                    <img src={item.avatarUrl} alt="" className="size-10 rounded-full object-cover" />
                  ) : (
                    <span
                      aria-hidden="true"
                      className="grid size-10 place-items-center rounded-full bg-linear-to-br from-brand-400 to-brand-700 text-sm font-semibold text-white"
                    >
                      {initials(item.name)}
                    </span>
                  )}
                  <span>
                    <span className="block text-sm font-semibold text-ink">{item.name}</span>
                    <span className="block text-sm text-ink-muted">{item.role}</span>
                  </span>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
