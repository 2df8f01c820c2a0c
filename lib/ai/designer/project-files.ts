import { SHADES } from "@/lib/templates/palettes";
import {
  type FontPreset,
  fontPresetSchema,
  hexColorSchema,
  neutralNameSchema,
  paletteNameSchema,
} from "@/lib/templates/schemas";
import { brandScale, renderThemeCss } from "@/lib/templates/theme";
import { escapeRegExp } from "./text";
import type { NeutralName } from "./vocabulary";

/** Readers and writers for the small generated files: src/site.ts, src/theme.css, index.html, favicon. */

export const PATHS = {
  app: "src/App.tsx",
  content: "src/content.ts",
  site: "src/site.ts",
  theme: "src/theme.css",
  html: "index.html",
  favicon: "public/favicon.svg",
  readme: "README.md",
} as const;

// ── src/site.ts ────────────────────────────────────────────────────────────────────────────────

const SITE_NAME = /(\bname:\s*)("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/;
const SITE_MODE = /(\bmode:\s*)["'](light|dark)["']/;

export function readSite(text: string | undefined): { name?: string; mode: "light" | "dark" } {
  const name = text ? SITE_NAME.exec(text) : null;
  const mode = text ? SITE_MODE.exec(text) : null;
  let parsedName: string | undefined;
  if (name) {
    try {
      parsedName = name[2].startsWith('"') ? (JSON.parse(name[2]) as string) : name[2].slice(1, -1);
    } catch {
      parsedName = undefined;
    }
  }
  return { name: parsedName, mode: mode?.[2] === "dark" ? "dark" : "light" };
}

export function renderSiteTs(name: string, mode: "light" | "dark"): string {
  return `// Site-wide settings. \`name\` is the brand shown in the navbar and footer; \`mode\` picks the
// light or dark colours defined in theme.css.
export const site = {
  name: ${JSON.stringify(name)},
  mode: ${JSON.stringify(mode)} as "light" | "dark",
};
`;
}

export function setSiteName(text: string | undefined, name: string): string {
  if (!text || !SITE_NAME.test(text)) return renderSiteTs(name, readSite(text).mode);
  return text.replace(SITE_NAME, (_, prefix: string) => `${prefix}${JSON.stringify(name)}`);
}

export function setSiteMode(text: string | undefined, mode: "light" | "dark"): string {
  if (!text || !SITE_MODE.test(text)) return renderSiteTs(readSite(text).name ?? "My site", mode);
  return text.replace(SITE_MODE, (_, prefix: string) => `${prefix}"${mode}"`);
}

// ── src/theme.css ──────────────────────────────────────────────────────────────────────────────

export type ThemeState = { palette: string; neutral: NeutralName; font: FontPreset; shade: number };

export const MAX_SHADE_SHIFT = 3;

/** The theme recorded in theme.css's header comment; anything unreadable falls back to a default. */
export function readTheme(text: string | undefined): ThemeState {
  const header = text ? /palette:\s*(\S+)\s*·\s*neutral:\s*(\S+)\s*·\s*font:\s*([a-z]+)/.exec(text) : null;
  const shade = text ? /·\s*shade:\s*([+-]?\d+)/.exec(text) : null;
  const palette = header?.[1];
  return {
    palette:
      palette && (paletteNameSchema.safeParse(palette).success || hexColorSchema.safeParse(palette).success)
        ? palette
        : "indigo",
    neutral: neutralNameSchema.safeParse(header?.[2]).data ?? "slate",
    font: fontPresetSchema.safeParse(header?.[3]).data ?? "modern",
    shade: shade ? Math.max(-MAX_SHADE_SHIFT, Math.min(MAX_SHADE_SHIFT, Number(shade[1]))) : 0,
  };
}

/** The brand scale moved `shade` steps darker (positive) or lighter (negative), ends clamped. */
export function shiftedScale(palette: string, shade: number): string[] {
  const scale = brandScale(palette);
  return scale.map((_, index) => scale[Math.max(0, Math.min(scale.length - 1, index + shade))]);
}

/**
 * theme.css from `renderThemeCss`; a darker/lighter request moves the brand scale by whole shades
 * and records it in the header (`· shade: +1`) so the next turn can read it back.
 */
export function renderTheme(theme: ThemeState): string {
  const css = renderThemeCss({ palette: theme.palette, neutral: theme.neutral, font: theme.font });
  if (theme.shade === 0) return css;
  const scale = shiftedScale(theme.palette, theme.shade);
  let result = css.replace(
    /(font:\s*[a-z]+)(\s*\n)/,
    (_, font: string, end: string) => `${font} · shade: ${theme.shade > 0 ? "+" : ""}${theme.shade}${end}`,
  );
  SHADES.forEach((shade, index) => {
    result = result.replace(new RegExp(`(--color-brand-${shade}:\\s*)[^;]+;`), `$1${scale[index]};`);
  });
  return result;
}

// ── index.html ─────────────────────────────────────────────────────────────────────────────────

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function readTitle(html: string | undefined): string | undefined {
  const match = html ? /<title>([\s\S]*?)<\/title>/.exec(html) : null;
  return match?.[1];
}

export function setTitle(html: string, title: string): string {
  return html.replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeHtml(title)}</title>`);
}

export function setDescription(html: string, description: string): string {
  return html.replace(
    /(<meta\s+name="description"\s+content=")[^"]*(")/,
    (_, open: string, close: string) => `${open}${escapeHtml(description)}${close}`,
  );
}

/** Replaces a whole word or phrase, case-sensitively. */
export function replaceWord(text: string, from: string, to: string): string {
  if (!from) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(from)}(?![\\p{L}\\p{N}])`, "gu");
  return text.replace(pattern, () => to);
}

// ── public/favicon.svg ─────────────────────────────────────────────────────────────────────────

export function renderFavicon(name: string, theme: ThemeState): string {
  const color = shiftedScale(theme.palette, theme.shade)[6];
  const letter = escapeHtml(name.trim().charAt(0).toUpperCase() || "P");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${color}"/><text x="32" y="44" text-anchor="middle" font-family="system-ui, sans-serif" font-size="36" font-weight="700" fill="#fff">${letter}</text></svg>\n`;
}

// ── strings inside TypeScript sources ──────────────────────────────────────────────────────────

/**
 * Replaces `from` with `to` only inside string literals (and JSX attribute strings) outside import
 * lines, so a brand that happens to equal an identifier never breaks the code.
 */
export function replaceInStrings(source: string, from: string, to: string): string {
  let result = "";
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === "/" && source[i + 1] === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      result += source.slice(i, stop);
      i = stop;
      continue;
    }
    if (char === '"' || char === "'" || char === "`") {
      let j = i + 1;
      while (j < source.length && source[j] !== char && source[j] !== "\n") j += source[j] === "\\" ? 2 : 1;
      const lineStart = source.lastIndexOf("\n", i) + 1;
      const isImport = /^\s*import\b|^\s*}\s*from\b/.test(source.slice(lineStart, i));
      const literal = source.slice(i, j + 1);
      const escaped =
        char === "'" ? to.replace(/'/g, "\\'") : char === "`" ? to.replace(/[`$]/g, "\\$&") : to;
      result += isImport ? literal : replaceWord(literal, from, escaped);
      i = j + 1;
      continue;
    }
    result += char;
    i++;
  }
  return result;
}
