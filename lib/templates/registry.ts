import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import {
  renderAppAndContent,
  renderFavicon,
  renderIndexHtml,
  renderPackageJson,
  renderReadme,
  renderSiteTs,
  resolveSections,
} from "./compose";
import {
  type TemplateDefinition,
  type TemplateFile,
  type TemplateInfo,
  templateDefinitionSchema,
} from "./schemas";
import { readSectionSource, sectionProjectPath } from "./sections/registry";
import { renderThemeCss } from "./theme";

/**
 * Starter templates. A template is data — `starters/<id>/template.json` (texts, palette, the
 * ordered list of sections) — composed at load time with the shared skeleton in
 * `starters/_base/` and the section library in `lib/templates/sections/`.
 */
export const STARTERS_DIR = path.join(process.cwd(), "lib/templates/starters");
const BASE_DIR = path.join(STARTERS_DIR, "_base");

export const TEMPLATE_IDS = ["saas", "event", "portfolio", "blank"] as const;
export const templateIdSchema = z.enum(TEMPLATE_IDS);
export type TemplateId = z.infer<typeof templateIdSchema>;

const definitions = new Map<string, TemplateDefinition>();

export function getTemplateDefinition(id: string): TemplateDefinition | undefined {
  if (!templateIdSchema.safeParse(id).success) return undefined;
  let definition = definitions.get(id);
  if (!definition) {
    const file = path.join(STARTERS_DIR, id, "template.json");
    definition = templateDefinitionSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    if (definition.id !== id) throw new Error(`${file} declares id "${definition.id}"`);
    definitions.set(id, definition);
  }
  return definition;
}

function toInfo(definition: TemplateDefinition): TemplateInfo {
  return {
    id: definition.id,
    name: definition.name,
    description: definition.description,
    sections: definition.sections.map((section) => section.id),
  };
}

export function listTemplates(): TemplateInfo[] {
  return TEMPLATE_IDS.map((id) => toInfo(getTemplateDefinition(id)!));
}

/** The templates as a person picks from them: Blank last (most people start from a designed one). */
export function listTemplateChoices(): Pick<TemplateInfo, "id" | "name" | "description" | "sections">[] {
  return listTemplates()
    .map(({ id, name, description, sections }) => ({ id, name, description, sections }))
    .sort((a, b) => Number(a.id === "blank") - Number(b.id === "blank"));
}

export function getTemplate(id: string): TemplateInfo | undefined {
  const definition = getTemplateDefinition(id);
  return definition ? toInfo(definition) : undefined;
}

/** Relative POSIX paths of every file under `dir`, sorted. */
function walk(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return walk(path.join(dir, entry.name), relative);
      return entry.isFile() ? [relative] : [];
    });
}

/**
 * Every file of a new project made from the template: the skeleton, the optional per-template
 * overlay in `starters/<id>/files/`, the sections it uses and the generated App/site/content/theme.
 * Same bytes on every call.
 */
export async function loadTemplateFiles(id: string): Promise<TemplateFile[]> {
  const template = getTemplateDefinition(id);
  if (!template) throw new Error(`Unknown template "${id}"`);

  const files = new Map<string, string | Buffer>();
  for (const dir of [BASE_DIR, path.join(STARTERS_DIR, id, "files")]) {
    for (const relative of walk(dir))
      files.set(relative, await readFile(path.join(/*turbopackIgnore: true*/ dir, ...relative.split("/"))));
  }

  const text = (file: string) => files.get(file)?.toString("utf8") ?? "";
  files.set("index.html", renderIndexHtml(text("index.html"), template));
  files.set("package.json", renderPackageJson(text("package.json"), template));
  files.set("README.md", renderReadme(template));
  files.set("public/favicon.svg", renderFavicon(template));
  files.set("src/site.ts", renderSiteTs(template));
  files.set("src/theme.css", renderThemeCss(template.theme));

  const { app, content } = renderAppAndContent(template);
  files.set("src/App.tsx", app);
  if (content) files.set("src/content.ts", content);
  for (const { meta } of resolveSections(template)) {
    files.set(sectionProjectPath(meta.id), await readSectionSource(meta.id));
  }

  return [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, content]) => ({
      path: file,
      content: Buffer.isBuffer(content) ? content : Buffer.from(content),
    }));
}
