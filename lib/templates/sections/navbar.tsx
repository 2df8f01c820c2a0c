import { useState } from "react";

export type NavLink = { label: string; href: string };

export type NavbarProps = {
  brand?: string;
  links?: NavLink[];
  ctaLabel?: string;
  ctaHref?: string;
};

export default function Navbar({
  brand = "Acme",
  links = [
    { label: "Features", href: "#features" },
    { label: "Pricing", href: "#pricing" },
    { label: "FAQ", href: "#faq" },
  ],
  ctaLabel = "Get started",
  ctaHref = "#pricing",
}: NavbarProps) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);

  return (
    <header className="sticky top-0 z-40 border-b border-line/70 bg-surface/80 backdrop-blur-lg">
      <nav
        aria-label="Main"
        className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-6 px-6 lg:px-8"
      >
        <a
          href="#top"
          className="flex items-center gap-2.5 rounded-lg font-display text-lg font-bold tracking-tight text-ink focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-500"
        >
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-lg bg-linear-to-br from-brand-400 to-brand-700 text-sm font-bold text-white shadow-sm"
          >
            {brand.charAt(0)}
          </span>
          {brand}
        </a>

        <ul className="hidden items-center gap-8 md:flex">
          {links.map((link) => (
            <li key={link.href + link.label}>
              <a
                href={link.href}
                className="rounded text-sm font-medium text-ink-muted transition-colors hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-500"
              >
                {link.label}
              </a>
            </li>
          ))}
        </ul>

        <div className="flex items-center gap-3">
          {ctaLabel ? (
            <a
              href={ctaHref}
              className="hidden rounded-full bg-primary px-4 py-2 text-sm font-semibold text-on-primary shadow-sm transition-colors hover:bg-primary-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 sm:inline-flex"
            >
              {ctaLabel}
            </a>
          ) : null}
          <button
            type="button"
            aria-expanded={open}
            aria-controls="mobile-menu"
            onClick={() => setOpen((value) => !value)}
            className="inline-flex size-10 items-center justify-center rounded-lg text-ink hover:bg-surface-alt focus-visible:outline-2 focus-visible:outline-brand-500 md:hidden"
          >
            <span className="sr-only">{open ? "Close menu" : "Open menu"}</span>
            <svg
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              className="size-5"
              aria-hidden="true"
            >
              {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
            </svg>
          </button>
        </div>
      </nav>

      {open ? (
        <div id="mobile-menu" className="border-t border-line/70 bg-surface md:hidden">
          <ul className="mx-auto flex max-w-6xl flex-col gap-1 px-6 py-4">
            {links.map((link) => (
              <li key={link.href + link.label}>
                <a
                  href={link.href}
                  onClick={close}
                  className="block rounded-lg px-3 py-2 text-base font-medium text-ink hover:bg-surface-alt focus-visible:outline-2 focus-visible:outline-brand-500"
                >
                  {link.label}
                </a>
              </li>
            ))}
            {ctaLabel ? (
              <li className="pt-2">
                <a
                  href={ctaHref}
                  onClick={close}
                  className="block rounded-lg bg-primary px-3 py-2.5 text-center text-base font-semibold text-on-primary hover:bg-primary-hover"
                >
                  {ctaLabel}
                </a>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </header>
  );
}
