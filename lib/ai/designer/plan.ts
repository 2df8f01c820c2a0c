import { FONT_PRESETS } from "@/lib/templates/theme";
import { parseApp, setAttribute } from "./app-source";
import { writeFirstPage } from "./first-page";
import type { Intent, TextRole } from "./intents";
import {
  MAX_SHADE_SHIFT,
  PATHS,
  readSite,
  readTheme,
  readTitle,
  renderFavicon,
  renderTheme,
  replaceInStrings,
  replaceWord,
  setSiteMode,
  setSiteName,
  setTitle,
  type ThemeState,
} from "./project-files";
import { addSection, moveSection, removeSection, sectionName, swapSections } from "./sections";
import type { Workspace } from "./workspace";

/** Turns intents into file edits on a workspace, with a note for the response for each one. */

const ROLE_LABEL: Record<TextRole, string> = {
  headline: "headline",
  subheadline: "sub-headline",
  "primary-cta": "main button",
  "secondary-cta": "second button",
  eyebrow: "small label above the headline",
};

const quote = (text: string) => `“${text}”`;

function setText(workspace: Workspace, intent: Extract<Intent, { type: "set-text" }>): void {
  const source = workspace.get(PATHS.app);
  if (source === undefined) {
    workspace.skip(`the ${ROLE_LABEL[intent.role]}: there is no src/App.tsx`);
    return;
  }
  const app = parseApp(source);
  const wanted = intent.section ?? "hero";
  const element =
    app.elements.find((candidate) => candidate.id === wanted) ??
    (intent.section
      ? undefined
      : app.elements.find((c) => c.meta?.props.some((p) => p.role === intent.role)));
  if (!element?.meta) {
    workspace.skip(
      `the ${ROLE_LABEL[intent.role]}: the page has no ${intent.section ? sectionName(intent.section) : "hero"} section`,
    );
    return;
  }
  const prop = element.meta.props.find((candidate) => candidate.role === intent.role);
  if (!prop) {
    workspace.skip(`the ${ROLE_LABEL[intent.role]}: the ${element.meta.name} section has none`);
    return;
  }
  const old = element.attributes.find((attribute) => attribute.name === prop.name)?.value;
  let text = setAttribute(source, element, prop.name, intent.value);
  const also: string[] = [];
  // The same button text elsewhere (navbar, closing call to action) changes with the hero's.
  if (intent.role === "primary-cta" && !intent.section && old) {
    // Offsets move with every edit, so the page is parsed again after each one.
    const count = parseApp(text).elements.length;
    for (let index = 0; index < count; index++) {
      const other = parseApp(text).elements[index];
      if (!other || other.tagStart === element.tagStart) continue;
      const otherProp = other.meta?.props.find((candidate) => candidate.role === "primary-cta");
      const attribute = otherProp && other.attributes.find((candidate) => candidate.name === otherProp.name);
      if (attribute?.value !== old || !otherProp) continue;
      text = setAttribute(text, other, otherProp.name, intent.value);
      also.push(other.meta!.name);
    }
  }
  workspace.set(PATHS.app, text);
  workspace.note(
    `**${element.meta.name} ${ROLE_LABEL[intent.role]}** → ${quote(intent.value)}${old ? ` (was ${quote(old)})` : ""}` +
      `${also.length ? `, and the same button in the ${also.join(" and ")}` : ""} — \`src/App.tsx\`.`,
  );
  // The document title usually repeats the headline.
  const html = workspace.get(PATHS.html);
  const title = readTitle(html);
  if (intent.role === "headline" && element.id === "hero" && html && old && title?.includes(old)) {
    workspace.set(PATHS.html, setTitle(html, title.split(old).join(intent.value).replace(/&amp;/g, "&")));
    workspace.note("The page title in `index.html` repeated the headline, so it follows.");
  }
}

/** Characters a brand cannot carry into a JSX attribute string or a TS literal unescaped. */
export function cleanBrand(name: string): string {
  return name.replace(/["\\{}<>`\n\r]/g, "").trim();
}

function renameBrand(workspace: Workspace, requested: string): void {
  const name = cleanBrand(requested);
  if (!name) {
    workspace.skip(`renaming the brand to ${quote(requested)}: that is not a usable name`);
    return;
  }
  const old = readSite(workspace.get(PATHS.site)).name;
  if (old === name) {
    workspace.skip(`renaming the brand: it is already called ${quote(name)}`);
    return;
  }
  const touched: string[] = [];
  workspace.set(PATHS.site, setSiteName(workspace.get(PATHS.site), name));
  touched.push("`src/site.ts`");
  for (const path of [PATHS.app, PATHS.content]) {
    const text = workspace.get(path);
    if (text === undefined || !old) continue;
    const next = replaceInStrings(text, old, name);
    if (next !== text) {
      workspace.set(path, next);
      touched.push(`\`${path}\``);
    }
  }
  const html = workspace.get(PATHS.html);
  if (html) {
    const title = readTitle(html) ?? "";
    let next = old ? replaceWord(html, old.replace(/&/g, "&amp;"), name.replace(/&/g, "&amp;")) : html;
    if (!old || !title.includes(old)) next = setTitle(next, title ? `${name} — ${title}` : name);
    workspace.set(PATHS.html, next);
    touched.push("`index.html` (title)");
  }
  const readme = workspace.get(PATHS.readme);
  if (readme && old) {
    const next = replaceWord(readme, old, name);
    if (next !== readme) workspace.set(PATHS.readme, next);
  }
  workspace.note(
    `**Brand** → ${quote(name)}${old ? ` (was ${quote(old)})` : ""}: the navbar and footer read it from ` +
      `\`site.name\`, and every mention in the texts changes too — ${touched.join(", ")}.`,
  );
}

export type PlanState = { theme: ThemeState; themeNotes: string[] };

function describeTheme(theme: ThemeState): string {
  const shade = theme.shade
    ? ` · ${Math.abs(theme.shade)} shade${Math.abs(theme.shade) > 1 ? "s" : ""} ${theme.shade > 0 ? "darker" : "lighter"}`
    : "";
  return `palette **${theme.palette}**${shade} on **${theme.neutral}** greys, **${FONT_PRESETS[theme.font].label}** font`;
}

export async function applyIntents(workspace: Workspace, intents: Intent[]): Promise<void> {
  const themeBefore = readTheme(workspace.get(PATHS.theme));
  const state: PlanState = { theme: { ...themeBefore }, themeNotes: [] };
  let regenerated = false;

  for (const intent of intents) {
    switch (intent.type) {
      case "first-page": {
        const result = await writeFirstPage(workspace, intent);
        state.theme = result.theme;
        regenerated = true;
        workspace.note(
          `**A new page for ${result.brand}**: ${result.sections.map(sectionName).join(", ")}; headline ${quote(result.headline)}.`,
        );
        break;
      }
      case "set-text":
        setText(workspace, intent);
        break;
      case "rename-brand":
        renameBrand(workspace, intent.name);
        break;
      case "set-palette":
        state.theme.palette = intent.palette;
        if (intent.neutral) state.theme.neutral = intent.neutral;
        state.theme.shade = 0;
        state.themeNotes.push(`brand colour ${intent.label}`);
        break;
      case "shift-palette": {
        const next = Math.max(-MAX_SHADE_SHIFT, Math.min(MAX_SHADE_SHIFT, state.theme.shade + intent.steps));
        if (next === state.theme.shade) {
          workspace.skip(
            `making it ${intent.steps > 0 ? "darker" : "lighter"}: the palette is already at its limit`,
          );
        } else {
          state.theme.shade = next;
          state.themeNotes.push(`${intent.steps > 0 ? "darker" : "lighter"} brand shades`);
        }
        break;
      }
      case "set-font":
        state.theme.font = intent.font;
        state.themeNotes.push(`${FONT_PRESETS[intent.font].label.toLowerCase()} font (for “${intent.word}”)`);
        break;
      case "set-mode": {
        const site = workspace.get(PATHS.site);
        if (readSite(site).mode === intent.mode) {
          workspace.skip(`${intent.mode} mode: the page is already ${intent.mode}`);
          break;
        }
        workspace.set(PATHS.site, setSiteMode(site, intent.mode));
        workspace.note(
          `**${intent.mode === "dark" ? "Dark" : "Light"} mode** — \`mode\` in \`src/site.ts\`; theme.css already defines both sets of colours.`,
        );
        break;
      }
      case "add-section":
        await addSection(workspace, intent.sections, intent.position);
        break;
      case "remove-section":
        for (const id of intent.sections) removeSection(workspace, id);
        break;
      case "move-section":
        await moveSection(workspace, intent.section, intent.position);
        break;
      case "swap-sections":
        swapSections(workspace, intent.a, intent.b);
        break;
      case "help":
        break;
    }
  }

  const changed = JSON.stringify(state.theme) !== JSON.stringify(themeBefore);
  if (changed || regenerated) {
    workspace.set(PATHS.theme, renderTheme(state.theme), { whole: true });
    if (!regenerated || state.themeNotes.length) {
      workspace.note(
        `**Theme** → ${describeTheme(state.theme)}${state.themeNotes.length ? ` (${state.themeNotes.join(", ")})` : ""}: ` +
          "`src/theme.css` is regenerated, and every section restyles because they only use `brand-*` and the semantic colours.",
      );
    } else {
      workspace.note(`**Theme** → ${describeTheme(state.theme)}, chosen from the words of your description.`);
    }
  }
  const brandChanged =
    readSite(workspace.get(PATHS.site)).name !== readSite(workspace.original.get(PATHS.site)).name;
  if ((changed || regenerated || brandChanged) && workspace.has(PATHS.favicon)) {
    const name = readSite(workspace.get(PATHS.site)).name ?? "P";
    workspace.set(PATHS.favicon, renderFavicon(name, state.theme), { whole: true });
  }
}
