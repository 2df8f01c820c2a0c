// lib/preview/queries.ts is the only module of the preview domain that touches Prisma: the rest
// speaks in its domain functions, so a change of table or column has one place to go.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const previewDir = path.resolve("lib/preview");
const prismaUse = /@\/lib\/db\/|\bgetDb\(|\.previewSession\.|\.version\.(find|update|create)/;

describe("the preview domain's data access", () => {
  it("goes through queries.ts only", async () => {
    const modules = (await readdir(previewDir)).filter((name) => name.endsWith(".ts"));
    expect(modules).toContain("queries.ts");
    const touching: string[] = [];
    for (const name of modules) {
      const source = await readFile(path.join(previewDir, name), "utf8");
      if (prismaUse.test(source)) touching.push(name);
    }
    expect(touching).toEqual(["queries.ts"]);
  });
});
