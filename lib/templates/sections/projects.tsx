import { useId } from "react";

export type Project = {
  title: string;
  description: string;
  tags?: string[];
  href?: string;
  imageUrl?: string;
};

export type ProjectsProps = {
  id?: string;
  eyebrow?: string;
  title?: string;
  subtitle?: string;
  items?: Project[];
};

// Cover art for projects without an image: a different brand gradient per card.
const COVERS = [
  "from-brand-400 to-brand-700",
  "from-brand-200 to-brand-500",
  "from-brand-600 to-brand-950",
  "from-brand-300 to-brand-800",
];

export default function Projects({
  id = "work",
  eyebrow = "Selected work",
  title = "Projects I'm proud of",
  subtitle = "A few recent pieces across product design, branding and the web.",
  items = [
    {
      title: "Fintech onboarding",
      description: "Redesigned sign-up for a banking app, lifting completion by 38%.",
      tags: ["Product design", "Research"],
      href: "#",
    },
    {
      title: "Coffee brand identity",
      description: "Logo, packaging and a playful web shop for a local roastery.",
      tags: ["Branding", "Web"],
      href: "#",
    },
    {
      title: "Travel planner",
      description: "A mobile app that turns saved places into day-by-day itineraries.",
      tags: ["Mobile", "Prototyping"],
      href: "#",
    },
    {
      title: "Design system",
      description: "A component library and guidelines used by 40 engineers.",
      tags: ["Systems", "Documentation"],
      href: "#",
    },
  ],
}: ProjectsProps) {
  const titleId = useId();

  return (
    <section id={id} aria-labelledby={titleId} className="bg-surface py-24 sm:py-32">
      <div className="mx-auto max-w-6xl px-6 lg:px-8">
        <div className="max-w-2xl">
          {eyebrow ? <p className="text-sm font-semibold text-accent">{eyebrow}</p> : null}
          <h2
            id={titleId}
            className="mt-2 font-display text-3xl font-bold tracking-tight text-balance text-ink sm:text-4xl"
          >
            {title}
          </h2>
          {subtitle ? <p className="mt-4 text-lg leading-8 text-pretty text-ink-muted">{subtitle}</p> : null}
        </div>
        <ul className="mt-14 grid gap-8 md:grid-cols-2">
          {items.map((item, index) => (
            <li key={item.title}>
              <article className="group relative flex h-full flex-col overflow-hidden rounded-3xl border border-line bg-card shadow-sm transition hover:-translate-y-1 hover:shadow-xl hover:shadow-brand-900/10">
                {item.imageUrl ? (
                  <img src={item.imageUrl} alt="" className="aspect-[16/10] w-full object-cover" />
                ) : (
                  <div
                    aria-hidden="true"
                    className={`relative aspect-[16/10] overflow-hidden bg-linear-to-br ${COVERS[index % COVERS.length]}`}
                  >
                    <div className="absolute inset-x-10 top-10 bottom-0 rounded-t-xl bg-white/90 p-4 shadow-2xl transition group-hover:translate-y-[-4px]">
                      <span className="block h-2.5 w-1/3 rounded bg-brand-200" />
                      <span className="mt-3 block h-2 w-2/3 rounded bg-brand-100" />
                      <span className="mt-2 block h-2 w-1/2 rounded bg-brand-100" />
                      <span className="mt-5 grid grid-cols-3 gap-2">
                        <span className="h-12 rounded-md bg-brand-100" />
                        <span className="h-12 rounded-md bg-brand-200" />
                        <span className="h-12 rounded-md bg-brand-100" />
                      </span>
                    </div>
                  </div>
                )}
                <div className="flex flex-1 flex-col p-6">
                  <h3 className="text-lg font-semibold text-ink">
                    {item.href ? (
                      <a href={item.href} className="focus-visible:outline-none">
                        <span
                          aria-hidden="true"
                          className="absolute inset-0 rounded-3xl group-has-focus-visible:ring-2 group-has-focus-visible:ring-brand-500"
                        />
                        {item.title}
                      </a>
                    ) : (
                      item.title
                    )}
                  </h3>
                  <p className="mt-2 flex-1 text-sm leading-6 text-ink-muted">{item.description}</p>
                  {item.tags && item.tags.length > 0 ? (
                    <ul className="mt-5 flex flex-wrap gap-2" aria-label="Tags">
                      {item.tags.map((tag) => (
                        <li
                          key={tag}
                          className="rounded-full bg-accent-soft px-3 py-1 text-xs font-medium text-accent-ink"
                        >
                          {tag}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </article>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
