import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { streamText } from "ai";
import { build } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { createOfflineDesigner } from "../../lib/ai/designer/offline-designer";
import { collectEvents, createProtocolParser } from "../../lib/ai/protocol/parser";
import type { CodeOperation, ProtocolEvent } from "../../lib/ai/protocol/types";
import { applyOperations } from "../../lib/edits/apply-operations";
import { loadTemplateFiles } from "../../lib/templates/registry";
import { readSectionSource } from "../../lib/templates/sections/registry";
import { renderThemeCss } from "../../lib/templates/theme";

// The offline designer end to end on each starter's real files: stream through the AI SDK, parse
// the answer incrementally with the protocol parser, apply it with the real apply step, check the
// resulting files — and for multi-change turns, type-check and build the result with vite.

const run = promisify(execFile);
const WORK_DIR = path.join(process.cwd(), ".test-data", "designer");
const TSC = path.join(process.cwd(), "node_modules", ".bin", "tsc");
const created: string[] = [];

afterAll(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

type Files = Map<string, string>;

async function templateFiles(id: string): Promise<Files> {
  return new Map((await loadTemplateFiles(id)).map((file) => [file.path, file.content.toString("utf8")]));
}

async function turn(files: Files, prompt: string) {
  const model = createOfflineDesigner({ loadFiles: async () => new Map(files) });
  const result = streamText({ model, prompt });
  const parser = createProtocolParser();
  const events: ProtocolEvent[] = [];
  for await (const chunk of result.textStream) events.push(...parser.push(chunk));
  events.push(...parser.end());
  const parsed = collectEvents(events);
  expect(parsed.errors).toEqual([]);
  const applied = applyOperations(files, parsed.operations);
  if (!applied.ok) throw new Error(`apply failed: ${JSON.stringify(applied.errors, null, 2)}`);
  const next: Files = new Map();
  for (const [file, content] of applied.files) {
    next.set(file, typeof content === "string" ? content : Buffer.from(content).toString("utf8"));
  }
  const action = (file: string) =>
    parsed.operations.find((operation: CodeOperation) => operation.path === file)?.action;
  return { files: next, operations: parsed.operations, response: parsed.text, action };
}

/** Component names inside <main>, top to bottom. */
function mainOrder(app: string): string[] {
  const main = app.slice(app.indexOf("<main>"), app.indexOf("</main>"));
  return [...main.matchAll(/<([A-Z]\w*)/g)].map((match) => match[1]);
}

function attribute(app: string, component: string, name: string): string | undefined {
  const line = app.split("\n").find((candidate) => candidate.trimStart().startsWith(`<${component} `));
  const match = line && new RegExp(`\\s${name}=(?:"([^"]*)"|\\{("(?:[^"\\\\]|\\\\.)*")\\})`).exec(line);
  if (!match) return undefined;
  return match[1] ?? (JSON.parse(match[2]) as string);
}

function themeHeader(css: string) {
  const match = /palette: (\S+) · neutral: (\S+) · font: (\S+)/.exec(css)!;
  return { palette: match[1], neutral: match[2], font: match[3] };
}

async function typeCheckAndBuild(files: Files, name: string): Promise<string> {
  const dir = path.join(WORK_DIR, `${name}-${Math.random().toString(36).slice(2, 10)}`);
  created.push(dir);
  for (const [file, content] of files) {
    const target = path.join(dir, ...file.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  await expect(run(TSC, ["-p", path.join(dir, "tsconfig.json")], { cwd: dir })).resolves.toBeDefined();
  await build({
    root: dir,
    configFile: path.join(dir, "vite.config.ts"),
    logLevel: "silent",
    cacheDir: path.join(dir, ".vite"),
  });
  expect(existsSync(path.join(dir, "dist", "index.html"))).toBe(true);
  const assets = path.join(dir, "dist", "assets");
  const names = await readdir(assets);
  const read = (extension: string) =>
    Promise.all(
      names.filter((n) => n.endsWith(extension)).map((n) => readFile(path.join(assets, n), "utf8")),
    );
  return [
    (await read(".js")).join("\n"),
    (await read(".css")).join("\n"),
    await readFile(path.join(dir, "dist", "index.html"), "utf8"),
  ].join("\n");
}

describe.each(["saas", "event", "portfolio", "blank"])("offline designer on the %s starter", (id) => {
  it("changes the headline with a patch", async () => {
    const files = await templateFiles(id);
    const result = await turn(files, "change the headline to Fresh beans, every week");
    expect(attribute(result.files.get("src/App.tsx")!, "Hero", "title")).toBe("Fresh beans, every week");
    expect(result.action("src/App.tsx")).toBe("patch");
    expect(result.response).toContain("Fresh beans, every week");
  });

  it("renames the brand everywhere", async () => {
    const files = await templateFiles(id);
    const oldName = /name: "([^"]+)"/.exec(files.get("src/site.ts")!)![1];
    const result = await turn(files, "rename the brand to BeanBox");
    expect(result.files.get("src/site.ts")).toContain('name: "BeanBox"');
    expect(result.files.get("index.html")).toMatch(/<title>[^<]*BeanBox[^<]*<\/title>/);
    for (const file of ["src/App.tsx", "src/content.ts", "index.html"]) {
      const text = result.files.get(file);
      if (text !== undefined) expect(text).not.toMatch(new RegExp(`\\b${oldName}\\b`));
    }
  });

  it("regenerates theme.css with a new palette, keeping the neutral and font", async () => {
    const files = await templateFiles(id);
    const before = themeHeader(files.get("src/theme.css")!);
    const result = await turn(files, "make it green");
    expect(result.action("src/theme.css")).toBe("write");
    expect(result.files.get("src/theme.css")).toBe(
      renderThemeCss({ palette: "green", neutral: before.neutral as "slate", font: before.font as "modern" }),
    );
  });

  it("recolours the whole page when one section is named, and says so instead of skipping it", async () => {
    const files = await templateFiles(id);
    const before = themeHeader(files.get("src/theme.css")!);
    const result = await turn(files, "make the hero green");
    expect(result.files.get("src/theme.css")).toBe(
      renderThemeCss({ palette: "green", neutral: before.neutral as "slate", font: before.font as "modern" }),
    );
    expect(result.response).toContain(
      "Colours, fonts and dark mode apply to the whole page, so the whole page is now green (not only the hero).",
    );
    expect(result.response).not.toMatch(/skipped|Not done/);
  });

  it("adds a section from the library with its import and file", async () => {
    const files = await templateFiles(id);
    const result = await turn(files, "add a stats section after the hero and remove the stats"); // add then remove
    expect(mainOrder(result.files.get("src/App.tsx")!)).not.toContain("Stats");

    const added = await turn(files, "add a contact form after the hero");
    const app = added.files.get("src/App.tsx")!;
    expect(app).toContain('import Contact from "./sections/contact";');
    expect(mainOrder(app).slice(0, 2)).toEqual(["Hero", "Contact"]);
    expect(added.files.get("src/sections/contact.tsx")).toBe(await readSectionSource("contact"));
  });
});

describe("offline designer restructuring", () => {
  it("moves, swaps and removes sections on the saas starter", async () => {
    const files = await templateFiles("saas");
    const before = mainOrder(files.get("src/App.tsx")!);
    expect(before.indexOf("Testimonials")).toBeLessThan(before.indexOf("Pricing"));

    const moved = await turn(files, "move pricing above testimonials and move the FAQ to the end");
    const order = mainOrder(moved.files.get("src/App.tsx")!);
    expect(order.indexOf("Pricing")).toBe(order.indexOf("Testimonials") - 1);
    expect(order.at(-1)).toBe("Faq");

    const removed = await turn(files, "remove the logo cloud");
    const app = removed.files.get("src/App.tsx")!;
    expect(app).not.toContain("LogoCloud");
    expect(app).not.toContain("logoCloudLogos");
    expect(removed.files.has("src/sections/logo-cloud.tsx")).toBe(false);
    expect(removed.action("src/sections/logo-cloud.tsx")).toBe("delete");
  });

  it("does every request of a message whose later ones start without a verb", async () => {
    const files = await templateFiles("saas");
    const result = await turn(files, "Remove the testimonials section and a serif font, then dark mode.");
    expect(mainOrder(result.files.get("src/App.tsx")!)).not.toContain("Testimonials");
    expect(result.action("src/sections/testimonials.tsx")).toBe("delete");
    expect(themeHeader(result.files.get("src/theme.css")!).font).toBe("classic");
    expect(result.files.get("src/site.ts")).toContain('mode: "dark"');
    expect(result.response).not.toMatch(/skipped|Not done/);
  });

  it("does every move of a message whose later ones leave out the verb", async () => {
    const files = await templateFiles("saas");
    expect(mainOrder(files.get("src/App.tsx")!)).toEqual([
      "Hero",
      "LogoCloud",
      "Features",
      "Stats",
      "Testimonials",
      "Pricing",
      "Faq",
      "Cta",
    ]);

    const first = await turn(files, "move the stats up and the FAQ to the end");
    expect(mainOrder(first.files.get("src/App.tsx")!)).toEqual([
      "Hero",
      "LogoCloud",
      "Stats",
      "Features",
      "Testimonials",
      "Pricing",
      "Cta",
      "Faq",
    ]);
    expect(first.response).not.toMatch(/skipped|Not done/);

    const second = await turn(files, "Move the FAQ to the top, and the stats below the hero.");
    expect(mainOrder(second.files.get("src/App.tsx")!)).toEqual([
      "Faq",
      "Hero",
      "Stats",
      "LogoCloud",
      "Features",
      "Testimonials",
      "Pricing",
      "Cta",
    ]);
    expect(second.response).not.toMatch(/skipped|Not done/);

    const event = await templateFiles("event");
    const before = mainOrder(event.get("src/App.tsx")!);
    const third = await turn(event, "put the FAQ first and the pricing last");
    const order = mainOrder(third.files.get("src/App.tsx")!);
    expect(order[0]).toBe("Faq");
    expect(order.at(-1)).toBe("Pricing");
    expect([...order].sort()).toEqual([...before].sort());
  });

  it("does the reorder it reads and names the section it could not place", async () => {
    const files = await templateFiles("saas");
    const result = await turn(
      files,
      "Reorder: FAQ first, then pricing. Move the stats to the end and the testimonials.",
    );
    expect(mainOrder(result.files.get("src/App.tsx")!)).toEqual([
      "Faq",
      "Pricing",
      "Hero",
      "LogoCloud",
      "Features",
      "Testimonials",
      "Cta",
      "Stats",
    ]);
    expect(result.response).toContain("I skipped “the testimonials” because I didn't understand it");
    expect(result.response).not.toMatch(/Not done/);
  });

  it("does a look asked for one section page-wide, and still names a section joined on as skipped", async () => {
    const files = await templateFiles("saas");
    const result = await turn(
      files,
      "Dark mode for the navbar. Use a serif font in the FAQ and the stats too.",
    );
    expect(result.files.get("src/site.ts")).toContain('mode: "dark"');
    expect(themeHeader(result.files.get("src/theme.css")!).font).toBe("classic");
    expect(result.response).toContain(
      "Colours, fonts and dark mode apply to the whole page, so the whole page is now in dark mode (not only the navbar).",
    );
    expect(result.response).toContain(
      "so the whole page now uses the Classic serif font (not only the FAQ and the stats).",
    );
    expect(result.response).not.toMatch(/skipped|Not done/);
    const joined = await turn(files, "make the hero blue and the stats");
    expect(joined.response).toContain("so the whole page is now blue (not only the hero).");
    expect(joined.response).toContain("I skipped “the stats” because I didn't understand it");
  });

  it("honours dark mode next to a dark colour, and names a second colour as not done", async () => {
    const files = await templateFiles("saas");
    const shaded = await turn(files, "make the hero dark green and dark mode");
    expect(shaded.files.get("src/site.ts")).toContain('mode: "dark"');
    expect(themeHeader(shaded.files.get("src/theme.css")!).palette).toBe("green");
    expect(shaded.response).toContain(
      "so the whole page is now a darker green and in dark mode (not only the hero).",
    );
    const two = await turn(files, "make the hero blue and the footer green");
    expect(themeHeader(two.files.get("src/theme.css")!).palette).toBe("blue");
    expect(two.response).toContain(
      "- “green” for the footer: colours apply to the whole page, which has one brand colour — blue, the first one asked for",
    );
    expect(two.response).not.toMatch(/skipped/);
  });

  it("applies many changes in one message, and the result type-checks and builds", async () => {
    const files = await templateFiles("saas");
    const result = await turn(
      files,
      "Rename the brand to BeanBox, change the headline to Fresh beans, every week, make it green and a bit darker, " +
        "use a serif font, switch to dark mode, add a contact form after pricing, remove the logo cloud " +
        "and move the FAQ to the top",
    );
    const app = result.files.get("src/App.tsx")!;
    expect(attribute(app, "Hero", "title")).toBe("Fresh beans, every week");
    expect(mainOrder(app)).toEqual([
      "Faq",
      "Hero",
      "Features",
      "Stats",
      "Testimonials",
      "Pricing",
      "Contact",
      "Cta",
    ]);
    expect(result.files.get("src/site.ts")).toContain('mode: "dark"');
    const css = result.files.get("src/theme.css")!;
    expect(themeHeader(css)).toEqual({ palette: "green", neutral: "slate", font: "classic" });
    expect(css).toContain("shade: +1");

    const built = await typeCheckAndBuild(result.files, "saas-multi");
    expect(built).toContain("Fresh beans, every week");
    expect(built).toContain("BeanBox");
    expect(built).toContain("<title>BeanBox");
  }, 90_000);

  it("writes a first page from a description on the blank starter, and it builds", async () => {
    const files = await templateFiles("blank");
    const result = await turn(
      files,
      "a landing page for a coffee subscription called BeanBox with pricing and an FAQ",
    );
    const app = result.files.get("src/App.tsx")!;
    expect(mainOrder(app)).toEqual(["Hero", "Features", "Pricing", "Faq", "Cta"]);
    expect(app).toContain("<Navbar brand={site.name}");
    expect(app).toContain("<Footer brand={site.name}");
    expect(result.files.get("src/site.ts")).toContain('name: "BeanBox"');
    const headline = attribute(app, "Hero", "title")!;
    expect(headline.toLowerCase()).toContain("coffee");
    expect(attribute(app, "Hero", "primaryCta")).toMatch(/subscription/i);
    expect(themeHeader(result.files.get("src/theme.css")!)).toMatchObject({
      palette: "amber",
      neutral: "stone",
    });
    for (const section of ["navbar", "features", "pricing", "faq", "cta", "footer"]) {
      expect(result.files.get(`src/sections/${section}.tsx`)).toBe(await readSectionSource(section));
    }

    // A follow-up edit on the generated page, then the build.
    const next = await turn(
      result.files,
      "add testimonials before the footer and make the button say Start brewing",
    );
    const nextApp = next.files.get("src/App.tsx")!;
    expect(mainOrder(nextApp).at(-1)).toBe("Testimonials");
    expect(attribute(nextApp, "Hero", "primaryCta")).toBe("Start brewing");
    const built = await typeCheckAndBuild(next.files, "blank-first-page");
    expect(built).toContain(headline);
    expect(built).toContain("--color-brand-600");
  }, 90_000);

  it("leaves every file alone when it does not understand", async () => {
    const files = await templateFiles("event");
    const result = await turn(files, "make it pop");
    expect(result.operations).toEqual([]);
    expect(result.files).toEqual(files);
  });
});
