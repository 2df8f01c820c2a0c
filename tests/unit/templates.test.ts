import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderAppAndContent } from "../../lib/templates/compose";
import {
  getTemplate,
  listTemplates,
  loadTemplateFiles,
  STARTERS_DIR,
  TEMPLATE_IDS,
  templateIdSchema,
} from "../../lib/templates/registry";
import { type TemplateDefinition, templateDefinitionSchema } from "../../lib/templates/schemas";
import {
  getSection,
  listSections,
  readSectionSource,
  SECTIONS_DIR,
  sectionSourceExists,
} from "../../lib/templates/sections/registry";
import { renderThemeCss } from "../../lib/templates/theme";

const REQUIRED_SECTIONS = [
  "navbar",
  "hero",
  "logo-cloud",
  "features",
  "stats",
  "testimonials",
  "pricing",
  "faq",
  "cta",
  "contact",
  "footer",
];

const text = (files: Array<{ path: string; content: Buffer }>, file: string) =>
  files.find((entry) => entry.path === file)?.content.toString("utf8") ?? "";

describe("template registry", () => {
  it("lists the starters in a fixed order, matching the folders on disk", () => {
    expect(listTemplates().map((template) => template.id)).toEqual(["saas", "event", "portfolio", "blank"]);
    const folders = readdirSync(STARTERS_DIR).filter((name) => !name.startsWith("_"));
    expect(folders.sort()).toEqual([...TEMPLATE_IDS].sort());
    expect(templateIdSchema.safeParse("saas").success).toBe(true);
    expect(templateIdSchema.safeParse("../saas").success).toBe(false);
  });

  it("describes each template with its sections", () => {
    for (const template of listTemplates()) {
      expect(template.name).not.toBe("");
      expect(template.description).not.toBe("");
      expect(template.sections.length).toBeGreaterThan(0);
      expect(getTemplate(template.id)).toEqual(template);
    }
    expect(getTemplate("nope")).toBeUndefined();
  });

  it("refuses unknown templates", async () => {
    await expect(loadTemplateFiles("nope")).rejects.toThrow(/Unknown template/);
  });
});

describe.each(TEMPLATE_IDS)("template %s files", (id) => {
  it("has the files of a Vite + React + Tailwind project", async () => {
    const files = await loadTemplateFiles(id);
    const paths = files.map((file) => file.path);
    for (const required of [
      "index.html",
      "package.json",
      "tsconfig.json",
      "vite.config.ts",
      "src/main.tsx",
      "src/App.tsx",
      "src/index.css",
      "src/theme.css",
      "src/site.ts",
    ]) {
      expect(paths).toContain(required);
    }
    expect(text(files, "src/index.css")).toContain('@import "tailwindcss";');

    const pkg = JSON.parse(text(files, "package.json"));
    expect(pkg).toMatchObject({
      private: true,
      type: "module",
      scripts: { dev: "vite", build: "vite build", preview: "vite preview" },
      dependencies: { react: "19.3.1", "react-dom": "19.3.1" },
      devDependencies: {
        vite: "8.3.8",
        "@vitejs/plugin-react": "6.3.0",
        tailwindcss: "4.3.5",
        "@tailwindcss/vite": "4.3.5",
        typescript: "5.9.3",
        "@types/react": "19.3.0",
        "@types/react-dom": "19.3.0",
      },
    });
    expect(pkg.name).toMatch(/^[a-z0-9-]+$/);
    expect(text(files, "index.html")).not.toMatch(/\{\{\w+\}\}/);
  });

  it("uses sorted, unique, relative POSIX paths", async () => {
    const paths = (await loadTemplateFiles(id)).map((file) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual(paths);
    for (const file of paths) {
      expect(file).not.toMatch(/^\/|\\|^[A-Za-z]:/);
      expect(file.split("/")).not.toContain("..");
      expect(file.split("/")).not.toContain(".");
      expect(file.split("/")).not.toContain("");
    }
  });

  it("produces the same bytes on every call", async () => {
    const [first, second] = await Promise.all([loadTemplateFiles(id), loadTemplateFiles(id)]);
    expect(second.map((file) => file.path)).toEqual(first.map((file) => file.path));
    for (const [index, file] of second.entries())
      expect(file.content.equals(first[index].content)).toBe(true);
  });

  it("renders only sections it ships, and ships only sections it renders", async () => {
    const files = await loadTemplateFiles(id);
    const app = text(files, "src/App.tsx");
    const imported = [...app.matchAll(/^import (\w+) from "\.\/sections\/([a-z0-9-]+)";$/gm)];
    const shipped = files
      .map((file) => /^src\/sections\/([a-z0-9-]+)\.tsx$/.exec(file.path)?.[1])
      .filter((section): section is string => Boolean(section));

    expect(imported.map((match) => match[2]).sort()).toEqual([...shipped].sort());
    expect(shipped.sort()).toEqual([...new Set(getTemplate(id)!.sections)].sort());
    const components = new Set(imported.map((match) => match[1]));
    const used = [...app.matchAll(/<([A-Z]\w*)[\s/>]/g)].map((match) => match[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const component of used) expect(components).toContain(component);
    for (const [, , section] of imported) {
      expect(text(files, `src/sections/${section}.tsx`)).toBe(await readSectionSource(section));
    }
  });

  it("keeps one section per line inside <main>, with the brand in src/site.ts", async () => {
    const files = await loadTemplateFiles(id);
    const app = text(files, "src/App.tsx");
    const sectionLines = app.split("\n").filter((line) => /^\s*<[A-Z]\w*[\s/]/.test(line));
    expect(sectionLines.length).toBe(getTemplate(id)!.sections.length);
    for (const line of sectionLines) expect(line.trim()).toMatch(/\/>$/);
    expect(app).toMatch(/<main>\n[\s\S]*\n\s*<\/main>/);
    expect(text(files, "src/site.ts")).toMatch(/name: ".+",\n\s*mode: "(light|dark)"/);
  });
});

describe("section library", () => {
  it("contains the required sections, each with metadata and a source file", () => {
    const ids = listSections().map((section) => section.id);
    for (const required of REQUIRED_SECTIONS) expect(ids).toContain(required);

    const sources = readdirSync(SECTIONS_DIR)
      .filter((file) => file.endsWith(".tsx"))
      .map((file) => file.replace(/\.tsx$/, ""));
    expect(sources.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(sectionSourceExists(id)).toBe(true);
  });

  it.each(listSections().map((section) => section.id))(
    "%s has complete metadata matching its source",
    async (id) => {
      const meta = getSection(id)!;
      expect(meta.name).not.toBe("");
      expect(meta.purpose).toMatch(/\.$/);
      const source = await readSectionSource(id);
      expect(source).toContain(`export default function ${meta.component}(`);
      expect(source.match(/export default/g)).toHaveLength(1);

      const propsType = new RegExp(`export type ${meta.component}Props = \\{([\\s\\S]*?)\\n\\};`).exec(
        source,
      )?.[1];
      expect(propsType, "props type").toBeDefined();
      const declared = [...propsType!.matchAll(/^\s+(\w+)\?:/gm)].map((match) => match[1]);
      // Every prop is optional (so `<Hero />` renders) and documented, and nothing is undocumented.
      expect(declared.sort()).toEqual(meta.props.map((prop) => prop.name).sort());

      for (const prop of meta.props) {
        expect(prop.description).not.toBe("");
        expect(prop.default).not.toBeUndefined();
        // The documented default is the component's real default.
        const first = Array.isArray(prop.default) ? prop.default[0] : prop.default;
        const sample =
          typeof first === "string"
            ? first
            : first && typeof first === "object"
              ? Object.values(first)[0]
              : undefined;
        if (typeof sample === "string" && sample !== "") expect(source).toContain(JSON.stringify(sample));
      }
    },
  );

  it("refuses ids outside the library", async () => {
    await expect(readSectionSource("../registry")).rejects.toThrow(/Unknown section/);
    await expect(readSectionSource("nope")).rejects.toThrow(/Unknown section/);
  });
});

describe("theme and composition", () => {
  it("writes the whole brand scale and both fonts into theme.css", () => {
    const css = renderThemeCss({ palette: "#ff5a1f", font: "editorial" });
    for (const shade of [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950]) {
      expect(css).toMatch(new RegExp(`--color-brand-${shade}: oklch\\([\\d.]+% [\\d.]+ [\\d.]+\\);`));
    }
    expect(css).toContain("--font-display:");
    expect(css).toContain("--font-sans:");
    expect(css).toContain(".dark {");
    expect(() => renderThemeCss({ palette: "not-a-colour" })).toThrow();
  });

  it("escapes text props that a JSX string cannot hold and moves lists to content.ts", () => {
    const template: TemplateDefinition = templateDefinitionSchema.parse({
      id: "check",
      name: "Check",
      description: "Check.",
      site: { name: "Q&A", title: "Q&A", description: "d" },
      theme: { palette: "rose" },
      sections: [
        { id: "hero", props: { title: 'Say "hi" & wave', subtitle: "Plain text" } },
        { id: "faq", props: { items: [{ question: "Why?", answer: "Because." }] } },
        { id: "faq", props: { items: [] } },
      ],
    });
    const { app, content } = renderAppAndContent(template);
    expect(app).toContain('<Hero title={"Say \\"hi\\" & wave"} subtitle="Plain text" />');
    expect(app).toContain("<Faq items={faqItems} />");
    expect(app).toContain("<Faq items={faqItems2} />");
    expect(app.match(/import Faq from/g)).toHaveLength(1);
    expect(content).toContain('export const faqItems = [{ question: "Why?", answer: "Because." }];');
    expect(existsSync(path.join(SECTIONS_DIR, "hero.tsx"))).toBe(true);
  });

  it("rejects templates that use unknown sections or props", () => {
    const base = { id: "x", name: "X", description: "X.", site: { name: "X", title: "X", description: "X" } };
    const unknownSection = templateDefinitionSchema.parse({
      ...base,
      theme: { palette: "blue" },
      sections: [{ id: "carousel" }],
    });
    expect(() => renderAppAndContent(unknownSection)).toThrow(/unknown section/);
    const unknownProp = templateDefinitionSchema.parse({
      ...base,
      theme: { palette: "blue" },
      sections: [{ id: "hero", props: { headline: "x" } }],
    });
    expect(() => renderAppAndContent(unknownProp)).toThrow(/no prop "headline"/);
  });
});
