export type FooterLink = { label: string; href: string };
export type FooterColumn = { title: string; links: FooterLink[] };

export type FooterProps = {
  brand?: string;
  tagline?: string;
  columns?: FooterColumn[];
  copyright?: string;
};

export default function Footer({
  brand = "Acme",
  tagline = "Tools that help teams build, launch and grow.",
  columns = [
    {
      title: "Product",
      links: [
        { label: "Features", href: "#features" },
        { label: "Pricing", href: "#pricing" },
        { label: "FAQ", href: "#faq" },
      ],
    },
    {
      title: "Company",
      links: [
        { label: "About", href: "#" },
        { label: "Blog", href: "#" },
        { label: "Careers", href: "#" },
      ],
    },
    {
      title: "Legal",
      links: [
        { label: "Privacy", href: "#" },
        { label: "Terms", href: "#" },
      ],
    },
  ],
  copyright = "All rights reserved.",
}: FooterProps) {
  return (
    <footer className="border-t border-line bg-surface">
      <div className="mx-auto grid max-w-6xl gap-12 px-6 py-16 lg:grid-cols-[2fr_3fr] lg:px-8">
        <div>
          <p className="flex items-center gap-2.5 font-display text-lg font-bold tracking-tight text-ink">
            <span
              aria-hidden="true"
              className="grid size-8 place-items-center rounded-lg bg-linear-to-br from-brand-400 to-brand-700 text-sm font-bold text-white"
            >
              {brand.charAt(0)}
            </span>
            {brand}
          </p>
          {tagline ? <p className="mt-4 max-w-xs text-sm leading-6 text-ink-muted">{tagline}</p> : null}
        </div>
        <nav aria-label="Footer" className="grid grid-cols-2 gap-8 sm:grid-cols-3">
          {columns.map((column) => (
            <div key={column.title}>
              <h2 className="text-sm font-semibold text-ink">{column.title}</h2>
              <ul className="mt-4 space-y-3">
                {column.links.map((link) => (
                  <li key={link.label}>
                    <a
                      href={link.href}
                      className="rounded text-sm text-ink-muted transition-colors hover:text-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
                    >
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </div>
      <div className="border-t border-line">
        <p className="mx-auto max-w-6xl px-6 py-6 text-sm text-ink-subtle lg:px-8">
          © {new Date().getFullYear()} {brand}. {copyright}
        </p>
      </div>
    </footer>
  );
}
