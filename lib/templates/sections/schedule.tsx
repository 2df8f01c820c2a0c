import { useId } from "react";

export type ScheduleItem = {
  time: string;
  title: string;
  speaker?: string;
  description?: string;
  track?: string;
};

export type ScheduleProps = {
  id?: string;
  eyebrow?: string;
  title?: string;
  subtitle?: string;
  items?: ScheduleItem[];
};

export default function Schedule({
  id = "schedule",
  eyebrow = "Agenda",
  title = "The schedule",
  subtitle = "A full day of talks, workshops and conversations.",
  items = [
    {
      time: "09:00",
      title: "Registration & coffee",
      description: "Pick up your badge and meet other attendees.",
    },
    { time: "10:00", title: "Opening keynote", speaker: "Ada Lovelace", track: "Main stage" },
    {
      time: "11:30",
      title: "Designing for the next billion users",
      speaker: "Grace Hopper",
      track: "Main stage",
    },
    { time: "13:00", title: "Lunch", description: "Local food trucks in the courtyard." },
    { time: "14:00", title: "Hands-on workshops", speaker: "Various speakers", track: "Rooms A–C" },
    { time: "17:30", title: "Closing party", description: "Drinks, music and demos." },
  ],
}: ScheduleProps) {
  const titleId = useId();

  return (
    <section id={id} aria-labelledby={titleId} className="bg-surface py-24 sm:py-32">
      <div className="mx-auto max-w-4xl px-6 lg:px-8">
        <div className="text-center">
          {eyebrow ? <p className="text-sm font-semibold text-accent">{eyebrow}</p> : null}
          <h2
            id={titleId}
            className="mt-2 font-display text-3xl font-bold tracking-tight text-balance text-ink sm:text-4xl"
          >
            {title}
          </h2>
          {subtitle ? <p className="mt-4 text-lg leading-8 text-pretty text-ink-muted">{subtitle}</p> : null}
        </div>
        <ol className="mt-14 space-y-4">
          {items.map((item) => (
            <li
              key={item.time + item.title}
              className="grid gap-2 rounded-2xl border border-line bg-card p-6 shadow-sm sm:grid-cols-[7rem_1fr] sm:gap-6"
            >
              <p className="font-display text-lg font-bold text-accent tabular-nums">
                <time>{item.time}</time>
              </p>
              <div>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <h3 className="text-base font-semibold text-ink">{item.title}</h3>
                  {item.track ? (
                    <span className="rounded-full bg-accent-soft px-2.5 py-0.5 text-xs font-medium text-accent-ink">
                      {item.track}
                    </span>
                  ) : null}
                </div>
                {item.speaker ? (
                  <p className="mt-1 text-sm font-medium text-ink-muted">{item.speaker}</p>
                ) : null}
                {item.description ? (
                  <p className="mt-1 text-sm leading-6 text-ink-muted">{item.description}</p>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
