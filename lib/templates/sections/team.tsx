import { useId } from "react";

export type Person = { name: string; role: string; imageUrl?: string; bio?: string };

export type TeamProps = {
  id?: string;
  eyebrow?: string;
  title?: string;
  subtitle?: string;
  people?: Person[];
};

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");
}

export default function Team({
  id = "team",
  eyebrow = "The people",
  title = "Meet the team",
  subtitle = "A small group of makers who care deeply about the details.",
  people = [
    { name: "Ada Lovelace", role: "Chief Scientist" },
    { name: "Grace Hopper", role: "Head of Engineering" },
    { name: "Alan Turing", role: "Research Lead" },
    { name: "Katherine Johnson", role: "Data & Analytics" },
  ],
}: TeamProps) {
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
        <ul className="mt-16 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {people.map((person) => (
            <li
              key={person.name}
              className="rounded-2xl border border-line bg-card p-6 text-center shadow-sm"
            >
              {person.imageUrl ? (
                <img
                  src={person.imageUrl}
                  alt={person.name}
                  className="mx-auto size-24 rounded-full object-cover ring-4 ring-accent-soft"
                />
              ) : (
                <span
                  aria-hidden="true"
                  className="mx-auto grid size-24 place-items-center rounded-full bg-linear-to-br from-brand-300 to-brand-700 font-display text-2xl font-bold text-white ring-4 ring-accent-soft"
                >
                  {initials(person.name)}
                </span>
              )}
              <h3 className="mt-5 text-base font-semibold text-ink">{person.name}</h3>
              <p className="text-sm font-medium text-accent">{person.role}</p>
              {person.bio ? <p className="mt-3 text-sm leading-6 text-ink-muted">{person.bio}</p> : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
