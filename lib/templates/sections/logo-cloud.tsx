export type LogoCloudProps = {
  id?: string;
  title?: string;
  logos?: string[];
};

const SHAPES = [
  <circle key="c" cx="12" cy="12" r="8" />,
  <rect key="r" x="4" y="4" width="16" height="16" rx="4" />,
  <path key="t" d="M12 3 21 20H3Z" />,
  <path key="d" d="M12 2 22 12 12 22 2 12Z" />,
  <path key="h" d="M7 3h10l5 9-5 9H7l-5-9Z" />,
];

export default function LogoCloud({
  id = "customers",
  title = "Trusted by fast-growing teams worldwide",
  logos = ["Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Stark"],
}: LogoCloudProps) {
  return (
    <section id={id} aria-label={title} className="bg-surface py-16 sm:py-20">
      <div className="mx-auto max-w-6xl px-6 lg:px-8">
        <p className="text-center text-sm font-semibold tracking-wide text-ink-subtle uppercase">{title}</p>
        <ul className="mt-10 grid grid-cols-2 items-center gap-x-8 gap-y-8 sm:grid-cols-3 lg:grid-cols-6">
          {logos.map((logo, index) => (
            <li
              key={logo}
              className="flex items-center justify-center gap-2 text-ink-subtle grayscale transition hover:text-ink"
            >
              <svg viewBox="0 0 24 24" className="size-6 fill-current opacity-80" aria-hidden="true">
                {SHAPES[index % SHAPES.length]}
              </svg>
              <span className="font-display text-lg font-bold tracking-tight">{logo}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
