import type { SectionMeta, TemplateDefinition } from "./schemas";
import { getSection } from "./sections/registry";
import { brandScale } from "./theme";

/**
 * Generators for the per-project files that carry a template's content. Each writes one small,
 * predictable file so the designer (or a model) can change a page by editing a single line:
 * - src/App.tsx: one JSX line per section, text props inline as string props;
 * - src/site.ts: brand name and light/dark mode;
 * - src/content.ts: list props (features, plans, questions…), one export per list.
 */

type Value = TemplateDefinition["sections"][number]["props"][string];

export type ComposedSection = { meta: SectionMeta; props: Record<string, Value> };

export function resolveSections(template: TemplateDefinition): ComposedSection[] {
  return template.sections.map((entry) => {
    const meta = getSection(entry.id);
    if (!meta) throw new Error(`Template "${template.id}" uses unknown section "${entry.id}"`);
    for (const name of Object.keys(entry.props)) {
      if (!meta.props.some((prop) => prop.name === name)) {
        throw new Error(`Template "${template.id}": section "${entry.id}" has no prop "${name}"`);
      }
    }
    return { meta, props: entry.props };
  });
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JS literal for a JSON value, keys unquoted, short values kept on one line. */
export function toJsLiteral(value: Value, indent = ""): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
  const parts = Array.isArray(value)
    ? value.map((item) => toJsLiteral(item, inner))
    : Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([name, item]) => `${key(name)}: ${toJsLiteral(item as Value, inner)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{ ", " }"];
  const flat = Array.isArray(value)
    ? `[${parts.join(", ")}]`
    : parts.length
      ? `{ ${parts.join(", ")} }`
      : "{}";
  if (flat.length + indent.length <= 100 && !flat.includes("\n")) return flat;
  return `${open.trim()}\n${parts.map((part) => `${inner}${part},`).join("\n")}\n${indent}${close.trim()}`;
}

function camel(id: string) {
  return id.replace(/-([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}

function contentName(sectionId: string, prop: string, taken: Set<string>) {
  const base = `${camel(sectionId)}${prop.charAt(0).toUpperCase()}${prop.slice(1)}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

function jsxAttribute(name: string, value: Value): string | undefined {
  if (value === null) return undefined;
  if (typeof value === "string") {
    const ref = /^\$site\.([A-Za-z]+)$/.exec(value);
    if (ref) return `${name}={site.${ref[1]}}`;
    // JSX attribute strings cannot hold a double quote or decode `&` predictably.
    return /["\n&]/.test(value) ? `${name}={${JSON.stringify(value)}}` : `${name}="${value}"`;
  }
  return `${name}={${JSON.stringify(value)}}`;
}

export function renderAppAndContent(template: TemplateDefinition): { app: string; content: string } {
  const sections = resolveSections(template);
  const taken = new Set<string>();
  const contentLines: string[] = [];
  const lines = { header: [] as string[], main: [] as string[], footer: [] as string[] };
  let usesSite = false;

  for (const { meta, props } of sections) {
    const attributes: string[] = [];
    for (const prop of meta.props) {
      let value = props[prop.name];
      if (value === undefined && prop.role === "brand") value = "$site.name";
      if (value === undefined) continue;
      if (value !== null && typeof value === "object") {
        const name = contentName(meta.id, prop.name, taken);
        contentLines.push(`export const ${name} = ${toJsLiteral(value)};`);
        attributes.push(`${prop.name}={${name}}`);
        continue;
      }
      const attribute = jsxAttribute(prop.name, value);
      if (attribute?.includes("{site.")) usesSite = true;
      if (attribute) attributes.push(attribute);
    }
    lines[meta.placement].push(`<${meta.component}${attributes.map((a) => ` ${a}`).join("")} />`);
  }

  const imports: string[] = [];
  if (usesSite) imports.push(`import { site } from "./site";`);
  if (taken.size > 0) imports.push(`import { ${[...taken].sort().join(", ")} } from "./content";`);
  const seen = new Set<string>();
  for (const { meta } of sections) {
    if (seen.has(meta.id)) continue;
    seen.add(meta.id);
    imports.push(`import ${meta.component} from "./sections/${meta.id}";`);
  }

  const body = [
    ...lines.header.map((line) => `      ${line}`),
    "      <main>",
    ...lines.main.map((line) => `        ${line}`),
    "      </main>",
    ...lines.footer.map((line) => `      ${line}`),
  ];
  const app = `${imports.join("\n")}

// The page, top to bottom: one section per line. Texts are inline props; lists live in ./content.
export default function App() {
  return (
    <>
${body.join("\n")}
    </>
  );
}
`;
  const content = `// Lists shown by the sections (features, plans, questions…), one export per list.

${contentLines.join("\n\n")}
`;
  return { app, content: contentLines.length > 0 ? content : "" };
}

export function renderSiteTs(template: TemplateDefinition): string {
  return `// Site-wide settings. \`name\` is the brand shown in the navbar and footer; \`mode\` picks the
// light or dark colours defined in theme.css.
export const site = {
  name: ${JSON.stringify(template.site.name)},
  mode: ${JSON.stringify(template.site.mode)} as "light" | "dark",
};
`;
}

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function renderIndexHtml(skeleton: string, template: TemplateDefinition): string {
  const values: Record<string, string> = {
    lang: template.site.lang,
    title: template.site.title,
    description: template.site.description,
  };
  return skeleton.replace(/\{\{(\w+)\}\}/g, (match, key: string) =>
    key in values ? escapeHtml(values[key]) : match,
  );
}

export function renderPackageJson(skeleton: string, template: TemplateDefinition): string {
  const pkg = JSON.parse(skeleton) as Record<string, unknown>;
  const slug = template.site.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${JSON.stringify({ ...pkg, name: slug || "pagecraft-site" }, null, 2)}\n`;
}

export function renderFavicon(template: TemplateDefinition): string {
  const color = brandScale(template.theme.palette)[6];
  const letter = escapeHtml(template.site.name.trim().charAt(0).toUpperCase() || "P");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${color}"/><text x="32" y="44" text-anchor="middle" font-family="system-ui, sans-serif" font-size="36" font-weight="700" fill="#fff">${letter}</text></svg>\n`;
}

export function renderReadme(template: TemplateDefinition): string {
  const sections = resolveSections(template);
  return `# ${template.site.name}

${template.site.description}

Built with Vite, React 19, TypeScript and Tailwind CSS 4 (starter: ${template.name}).

\`\`\`sh
npm install
npm run dev      # start the dev server
npm run build    # static site in dist/
\`\`\`

## Where things live
- \`src/App.tsx\` — the page, one section per line, with its texts as props.
- \`src/site.ts\` — brand name and light/dark mode.
- \`src/content.ts\` — lists shown by sections (features, plans, questions…).
- \`src/theme.css\` — brand colours (\`brand-50\`…\`brand-950\`), fonts and the light/dark colour tokens.
- \`src/sections/\` — the section components:
${sections
  .filter((section, index) => sections.findIndex((other) => other.meta.id === section.meta.id) === index)
  .map(({ meta }) => `  - \`${meta.id}.tsx\` — ${meta.purpose}`)
  .join("\n")}
`;
}
