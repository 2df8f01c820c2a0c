import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { build } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { getTemplateDefinition, listTemplates, loadTemplateFiles } from "../../lib/templates/registry";

const run = promisify(execFile);
// Inside the project, so Node resolution finds the root node_modules (vite, react, tailwind).
const WORK_DIR = path.join(process.cwd(), ".test-data", "templates");
const TSC = path.join(process.cwd(), "node_modules", ".bin", "tsc");

const created: string[] = [];

afterAll(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function writeTemplate(id: string): Promise<string> {
  const dir = path.join(WORK_DIR, `${id}-${Math.random().toString(36).slice(2, 10)}`);
  created.push(dir);
  for (const file of await loadTemplateFiles(id)) {
    const target = path.join(dir, ...file.path.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return dir;
}

async function readAssets(dir: string, extension: string): Promise<string> {
  const assets = path.join(dir, "dist", "assets");
  const names = (await readdir(assets)).filter((name) => name.endsWith(extension));
  return (await Promise.all(names.map((name) => readFile(path.join(assets, name), "utf8")))).join("\n");
}

describe.each(listTemplates().map((template) => template.id))("template %s", (id) => {
  it("type-checks and builds into a static site that shows its headline", async () => {
    const dir = await writeTemplate(id);
    const definition = getTemplateDefinition(id)!;
    const hero = definition.sections.find((section) => section.id === "hero");
    const headline = String(hero?.props.title);

    await expect(run(TSC, ["-p", path.join(dir, "tsconfig.json")], { cwd: dir })).resolves.toBeDefined();

    await build({
      root: dir,
      configFile: path.join(dir, "vite.config.ts"),
      logLevel: "silent",
      cacheDir: path.join(dir, ".vite"),
    });

    expect(existsSync(path.join(dir, "dist", "index.html"))).toBe(true);
    const html = await readFile(path.join(dir, "dist", "index.html"), "utf8");
    expect(html).toContain(`<title>${definition.site.title}`);
    expect(await readAssets(dir, ".js")).toContain(headline);

    // Tailwind must have scanned the sections: brand and semantic utilities end up in the CSS.
    const css = await readAssets(dir, ".css");
    expect(css).toContain(".bg-primary");
    expect(css).toContain(".text-ink");
    expect(css).toContain("--color-brand-600");
  }, 60_000);
});
