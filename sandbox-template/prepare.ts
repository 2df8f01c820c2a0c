// npm run sandbox:template — fills sandbox-template/ with what the image copies: the starters'
// dependency set (package.json), the launcher the local driver also uses (with the preview
// reporter plugin it imports), and one starter project for the cache-warming step. Run before
// `e2b template build`.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LAUNCHER_FILES, templateDependencies } from "@/lib/sandbox/local/deps";
import { loadTemplateFiles } from "@/lib/templates/registry";

const here = path.join(process.cwd(), "sandbox-template");

async function main() {
  const deps = await templateDependencies("blank");
  writeFileSync(
    path.join(here, "package.json"),
    `${JSON.stringify({ name: "pagecraft-preview-deps", private: true, ...deps }, null, 2)}\n`,
  );
  for (const file of LAUNCHER_FILES) cpSync(file.source, path.join(here, file.name));
  const starter = path.join(here, "starter");
  rmSync(starter, { recursive: true, force: true });
  for (const file of await loadTemplateFiles("blank")) {
    const target = path.join(starter, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  console.log(`sandbox-template/ is ready: cd sandbox-template && e2b template build`);
}

void main();
