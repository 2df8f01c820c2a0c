import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type SectionMeta, sectionIdSchema, sectionMetaSchema } from "../schemas";

/**
 * The section library: `<id>.tsx` (the component, copied verbatim into projects as
 * `src/sections/<id>.tsx`) next to `<id>.meta.json` (what it is for and its editable props).
 */
export const SECTIONS_DIR = path.join(process.cwd(), "lib/templates/sections");

let cached: SectionMeta[] | undefined;

function loadSections(): SectionMeta[] {
  const files = readdirSync(SECTIONS_DIR)
    .filter((file) => file.endsWith(".meta.json"))
    .sort();
  return files.map((file) => {
    const meta = sectionMetaSchema.parse(JSON.parse(readFileSync(path.join(SECTIONS_DIR, file), "utf8")));
    if (`${meta.id}.meta.json` !== file) throw new Error(`Section metadata ${file} declares id "${meta.id}"`);
    return meta;
  });
}

/** Every section in the library, sorted by id. */
export function listSections(): SectionMeta[] {
  cached ??= loadSections();
  return cached;
}

export function getSection(id: string): SectionMeta | undefined {
  return listSections().find((section) => section.id === id);
}

/** The section's file name inside a project, e.g. `src/sections/logo-cloud.tsx`. */
export function sectionProjectPath(id: string): string {
  return `src/sections/${id}.tsx`;
}

export function sectionSourcePath(id: string): string {
  // Ids are checked against the library first, so a caller cannot reach outside the folder.
  if (!sectionIdSchema.safeParse(id).success || !getSection(id)) throw new Error(`Unknown section "${id}"`);
  return path.join(SECTIONS_DIR, `${id}.tsx`);
}

export function sectionSourceExists(id: string): boolean {
  return existsSync(sectionSourcePath(id));
}

/** The component's source, exactly as it is written into projects. */
export async function readSectionSource(id: string): Promise<string> {
  return readFile(sectionSourcePath(id), "utf8");
}

/** A compact plain-text catalogue of the library, for model system prompts. */
export function describeSections(): string {
  return listSections()
    .map((section) => {
      const props = section.props
        .map(
          (prop) =>
            `  - ${prop.name}: ${prop.type}${prop.role ? ` [${prop.role}]` : ""} — ${prop.description}`,
        )
        .join("\n");
      return `${section.component} (${sectionProjectPath(section.id)}, ${section.placement}): ${section.purpose}\n${props}`;
    })
    .join("\n\n");
}
