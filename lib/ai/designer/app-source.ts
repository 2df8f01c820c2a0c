import type { SectionMeta } from "@/lib/templates/schemas";
import { getSection, listSections } from "@/lib/templates/sections/registry";

/**
 * Reading and editing `src/App.tsx` as text. The template writes one self-closing element per
 * section with string props inline; people and models may reformat it, so elements are found by
 * scanning for the imported section components and their attributes are tokenised, never
 * assumed to sit on one line. Every edit returns new source; nothing is regenerated.
 */

export type JsxAttribute = {
  name: string;
  start: number;
  end: number;
  /** Set when the value is a string literal (`a="…"` or `a={"…"}`). */
  value?: string;
  expression?: string;
};

export type SectionElement = {
  component: string;
  id: string;
  meta?: SectionMeta;
  /** The element's own characters. */
  tagStart: number;
  tagEnd: number;
  /** Whole lines covered by the element, newline included. */
  lineStart: number;
  lineEnd: number;
  attributes: JsxAttribute[];
  /** Where `/>` starts. */
  closeAt: number;
  placement: "header" | "main" | "footer";
};

export type AppSource = {
  text: string;
  elements: SectionElement[];
  /** Start of the line after `<main>`, and start of the `</main>` line. */
  mainStart?: number;
  mainEnd?: number;
};

const SECTION_IMPORT =
  /^import\s+([A-Z][A-Za-z0-9_]*)\s+from\s+["']\.\/sections\/([a-z0-9-]+)(?:\.tsx)?["'];?[ \t]*$/gm;

export function sectionImports(text: string): Map<string, string> {
  const components = new Map<string, string>();
  for (const match of text.matchAll(SECTION_IMPORT)) components.set(match[1], match[2]);
  return components;
}

/** Index just past a quoted string or a `{…}` expression starting at `at`, or -1. */
function skipValue(text: string, at: number): number {
  const open = text[at];
  if (open === '"' || open === "'") {
    const end = text.indexOf(open, at + 1);
    return end === -1 ? -1 : end + 1;
  }
  if (open !== "{") return -1;
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'" || char === "`") {
      for (i++; i < text.length && text[i] !== char; i++) if (text[i] === "\\") i++;
    } else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i + 1;
  }
  return -1;
}

function parseAttributes(
  text: string,
  from: number,
): { attributes: JsxAttribute[]; closeAt: number } | undefined {
  const attributes: JsxAttribute[] = [];
  let i = from;
  while (i < text.length) {
    while (/\s/.test(text[i] ?? "")) i++;
    if (text.startsWith("/>", i)) return { attributes, closeAt: i };
    const name = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i, i + 100));
    if (!name) return undefined;
    const start = i;
    i += name[0].length;
    if (text[i] !== "=") {
      attributes.push({ name: name[0], start, end: i, expression: "true" });
      continue;
    }
    const valueEnd = skipValue(text, i + 1);
    if (valueEnd === -1) return undefined;
    const raw = text.slice(i + 1, valueEnd);
    const attribute: JsxAttribute = { name: name[0], start, end: valueEnd };
    if (raw.startsWith('"') || raw.startsWith("'")) attribute.value = raw.slice(1, -1);
    else {
      const expression = raw.slice(1, -1).trim();
      attribute.expression = expression;
      if (/^"(?:[^"\\]|\\.)*"$/.test(expression)) {
        try {
          attribute.value = JSON.parse(expression) as string;
        } catch {
          // Not a JSON string after all: keep it as an expression.
        }
      }
    }
    attributes.push(attribute);
    i = valueEnd;
  }
  return undefined;
}

export function parseApp(text: string): AppSource {
  const imports = sectionImports(text);
  const byComponent = new Map(listSections().map((meta) => [meta.component, meta]));
  const mainOpen = /^[ \t]*<main\b[^>]*>[ \t]*\n/m.exec(text);
  const mainClose = /^[ \t]*<\/main>/m.exec(text);
  const mainStart = mainOpen ? mainOpen.index + mainOpen[0].length : undefined;
  const mainEnd = mainClose ? mainClose.index : undefined;
  const elements: SectionElement[] = [];
  const tag = /<([A-Z][A-Za-z0-9_]*)(?=[\s/])/g;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    const component = match[1];
    const id = imports.get(component) ?? byComponent.get(component)?.id;
    if (!id) continue;
    const parsed = parseAttributes(text, match.index + match[0].length);
    if (!parsed) continue;
    const tagEnd = parsed.closeAt + 2;
    const lineStart = text.lastIndexOf("\n", match.index - 1) + 1;
    const newline = text.indexOf("\n", tagEnd);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const placement =
      mainStart !== undefined && match.index < mainStart
        ? "header"
        : mainEnd !== undefined && match.index > mainEnd
          ? "footer"
          : "main";
    elements.push({
      component,
      id,
      meta: getSection(id),
      tagStart: match.index,
      tagEnd,
      lineStart,
      lineEnd,
      attributes: parsed.attributes,
      closeAt: parsed.closeAt,
      placement,
    });
    tag.lastIndex = tagEnd;
  }
  return { text, elements, mainStart, mainEnd };
}

/** A JSX attribute for a string, the way the template writes them. */
export function jsxStringAttribute(name: string, value: string): string {
  return /["\n&{}<>\\]/.test(value) ? `${name}={${JSON.stringify(value)}}` : `${name}="${value}"`;
}

export function setAttribute(text: string, element: SectionElement, name: string, value: string): string {
  const existing = element.attributes.find((attribute) => attribute.name === name);
  const rendered = jsxStringAttribute(name, value);
  if (existing) return text.slice(0, existing.start) + rendered + text.slice(existing.end);
  const last = element.attributes.at(-1);
  const at = last ? last.end : element.tagStart + element.component.length + 1;
  return `${text.slice(0, at)} ${rendered}${text.slice(at)}`;
}

export function attributeValue(element: SectionElement, name: string): string | undefined {
  return element.attributes.find((attribute) => attribute.name === name)?.value;
}

/** The default string props worth showing inline when a section is added. */
export function renderSectionElement(meta: SectionMeta): { line: string; usesSite: boolean } {
  const attributes: string[] = [];
  let usesSite = false;
  for (const prop of meta.props) {
    if (prop.role === "brand") {
      attributes.push(`${prop.name}={site.name}`);
      usesSite = true;
    } else if (
      (prop.role === "headline" || prop.role === "subheadline" || prop.role === "primary-cta") &&
      typeof prop.default === "string" &&
      prop.default !== ""
    ) {
      attributes.push(jsxStringAttribute(prop.name, prop.default));
    }
  }
  return { line: `<${meta.component}${attributes.map((a) => ` ${a}`).join("")} />`, usesSite };
}

/** Indentation of the existing lines of a placement, or the template's. */
export function indentFor(app: AppSource, placement: "header" | "main" | "footer"): string {
  const element = app.elements.find((candidate) => candidate.placement === placement);
  if (element) return /^[ \t]*/.exec(app.text.slice(element.lineStart))![0];
  return placement === "main" ? "        " : "      ";
}

/** Inserts a section import after the last one (or the last import of any kind). */
export function ensureSectionImport(text: string, component: string, id: string): string {
  if (sectionImports(text).has(component)) return text;
  const line = `import ${component} from "./sections/${id}";\n`;
  const imports = [...text.matchAll(/^import\b[^\n]*\n/gm)];
  const sectionLines = imports.filter((match) => match[0].includes("./sections/"));
  const after = sectionLines.at(-1) ?? imports.at(-1);
  const at = after ? after.index + after[0].length : 0;
  return text.slice(0, at) + line + text.slice(at);
}

export function ensureSiteImport(text: string): string {
  if (/^import\s*\{[^}]*\bsite\b[^}]*\}\s*from\s*["']\.\/site["']/m.test(text)) return text;
  return `import { site } from "./site";\n${text}`;
}

/**
 * Drops imports the page no longer uses: section components without an element, names from
 * ./content and ./site that nothing references. The generated tsconfig has `noUnusedLocals`.
 */
export function removeUnusedImports(text: string): string {
  const lines = text.split("\n");
  const body = (skip: number) => lines.filter((_, index) => index !== skip).join("\n");
  const kept: string[] = [];
  lines.forEach((line, index) => {
    const section =
      /^import\s+([A-Z][A-Za-z0-9_]*)\s+from\s+["']\.\/sections\/[a-z0-9-]+(?:\.tsx)?["'];?\s*$/.exec(line);
    if (section) {
      if (new RegExp(`<${section[1]}\\b`).test(body(index))) kept.push(line);
      return;
    }
    const named = /^import\s*\{([^}]*)\}\s*from\s*(["']\.\/(?:content|site)["']);?\s*$/.exec(line);
    if (named) {
      const rest = body(index);
      const names = named[1]
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name && new RegExp(`(?<![\\w$.])${name.replace(/^type\s+/, "")}\\b`).test(rest));
      if (names.length) kept.push(`import { ${names.join(", ")} } from ${named[2]};`);
      return;
    }
    kept.push(line);
  });
  return kept.join("\n");
}

export function removeElementLines(text: string, element: SectionElement): string {
  return text.slice(0, element.lineStart) + text.slice(element.lineEnd);
}

export function elementLines(text: string, element: SectionElement): string {
  return text.slice(element.lineStart, element.lineEnd);
}
