import { PALETTES, type PaletteName, SHADES } from "./palettes";
import { type FontPreset, type ThemeOptions, themeOptionsSchema } from "./schemas";

// System font stacks (no web-font download, so previews and exports work offline).
const STACKS = {
  neoGrotesque: "Inter, Roboto, 'Helvetica Neue', 'Arial Nova', 'Nimbus Sans', Arial, sans-serif",
  geometric: "Avenir, Montserrat, Corbel, 'URW Gothic', source-sans-pro, sans-serif",
  humanist: "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'DejaVu Sans', source-sans-pro, sans-serif",
  transitional: "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, serif",
  oldStyle: "'Iowan Old Style', 'Palatino Linotype', 'URW Palladio L', P052, serif",
  didone: "Didot, 'Bodoni MT', 'Noto Serif Display', 'URW Palladio L', P052, Sylfaen, serif",
  rounded:
    "ui-rounded, 'Hiragino Maru Gothic ProN', Quicksand, Comfortaa, Manjari, 'Arial Rounded MT', 'Arial Rounded MT Bold', Calibri, source-sans-pro, sans-serif",
  mono: "ui-monospace, 'Cascadia Code', 'Source Code Pro', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
};

/** Font presets: `display` is used for headings (`font-display`), `sans` for body text. */
export const FONT_PRESETS: Record<FontPreset, { label: string; display: string; sans: string }> = {
  modern: { label: "Modern sans", display: STACKS.neoGrotesque, sans: STACKS.neoGrotesque },
  geometric: { label: "Geometric", display: STACKS.geometric, sans: STACKS.neoGrotesque },
  humanist: { label: "Humanist", display: STACKS.humanist, sans: STACKS.humanist },
  editorial: { label: "Editorial serif headings", display: STACKS.didone, sans: STACKS.humanist },
  classic: { label: "Classic serif", display: STACKS.oldStyle, sans: STACKS.transitional },
  friendly: { label: "Friendly rounded", display: STACKS.rounded, sans: STACKS.humanist },
  technical: { label: "Technical mono headings", display: STACKS.mono, sans: STACKS.neoGrotesque },
};

/** The brand scale (50…950) for a palette name or a `#rrggbb` colour. */
export function brandScale(palette: string): string[] {
  if (palette in PALETTES) return [...PALETTES[palette as PaletteName]];
  return scaleFromHex(palette);
}

// Lightness and relative chroma per shade, modelled on Tailwind's own scales.
const SCALE_L = [0.977, 0.936, 0.885, 0.808, 0.704, 0.637, 0.577, 0.505, 0.444, 0.396, 0.258];
const SCALE_C = [0.09, 0.2, 0.38, 0.62, 0.86, 1, 1, 0.9, 0.76, 0.62, 0.42];

function scaleFromHex(hex: string): string[] {
  const { c, h } = hexToOklch(hex);
  const chroma = Math.max(c, 0.02);
  return SCALE_L.map(
    (l, index) => `oklch(${round(l * 100, 1)}% ${round(chroma * SCALE_C[index], 3)} ${round(h, 2)})`,
  );
}

function hexToOklch(hex: string): { l: number; c: number; h: number } {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const L = 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
  const A = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
  const B = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
  const h = (Math.atan2(B, A) * 180) / Math.PI;
  return { l: L, c: Math.hypot(A, B), h: h < 0 ? h + 360 : h };
}

function round(value: number, digits: number) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * `src/theme.css` of a project: the one file that decides colours and fonts. Sections only use
 * `brand-*` and the semantic colours below, so rewriting this file restyles every section, and
 * the `.dark` block (enabled by `mode` in src/site.ts) flips surfaces and text without any
 * `dark:` class in the sections.
 */
export function renderThemeCss(input: ThemeOptions): string {
  const options = themeOptionsSchema.parse(input);
  const brand = brandScale(options.palette);
  const neutral = PALETTES[options.neutral];
  const fonts = FONT_PRESETS[options.font];
  const n = (shade: number) => neutral[SHADES.indexOf(shade as (typeof SHADES)[number])];

  return `/*
 * Theme — the single place that controls the look of this page.
 * palette: ${options.palette} · neutral: ${options.neutral} · font: ${options.font}
 * Sections use brand-50…brand-950 for the accent and the semantic colours (surface, card, ink,
 * line, accent, primary…) below; light/dark is chosen by \`mode\` in src/site.ts.
 */
@custom-variant dark (&:where(.dark, .dark *));

@theme static {
  --font-sans: ${fonts.sans};
  --font-display: ${fonts.display};

${SHADES.map((shade, index) => `  --color-brand-${shade}: ${brand[index]};`).join("\n")}
}

@theme inline {
  --color-surface: var(--surface);
  --color-surface-alt: var(--surface-alt);
  --color-card: var(--card);
  --color-ink: var(--ink);
  --color-ink-muted: var(--ink-muted);
  --color-ink-subtle: var(--ink-subtle);
  --color-line: var(--line);
  --color-accent: var(--accent);
  --color-accent-soft: var(--accent-soft);
  --color-accent-ink: var(--accent-ink);
  --color-primary: var(--primary);
  --color-primary-hover: var(--primary-hover);
  --color-on-primary: var(--on-primary);
}

:root {
  color-scheme: light;
  --surface: #ffffff;
  --surface-alt: ${n(50)};
  --card: #ffffff;
  --ink: ${n(900)};
  --ink-muted: ${n(600)};
  --ink-subtle: ${n(500)};
  --line: ${n(200)};
  --accent: var(--color-brand-600);
  --accent-soft: var(--color-brand-50);
  --accent-ink: var(--color-brand-700);
  --primary: var(--color-brand-600);
  --primary-hover: var(--color-brand-500);
  --on-primary: #ffffff;
}

.dark {
  color-scheme: dark;
  --surface: ${n(950)};
  --surface-alt: color-mix(in oklab, ${n(900)} 45%, ${n(950)});
  --card: ${n(900)};
  --ink: ${n(50)};
  --ink-muted: ${n(300)};
  --ink-subtle: ${n(400)};
  --line: ${n(800)};
  --accent: var(--color-brand-400);
  --accent-soft: color-mix(in oklab, var(--color-brand-500) 16%, transparent);
  --accent-ink: var(--color-brand-200);
  --primary: var(--color-brand-500);
  --primary-hover: var(--color-brand-400);
  --on-primary: #ffffff;
}
`;
}
