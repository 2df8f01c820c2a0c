import { describe, expect, it } from "vitest";
import { diffManifests, parseManifest, sha256Hex, sortManifest } from "@/lib/versions/manifest";

const h = (s: string) => sha256Hex(s);

describe("manifests", () => {
  it("hashes with sha256", () => {
    expect(h("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("diffs added, modified and deleted paths", () => {
    const from = { "a.ts": h("a"), "b.ts": h("b"), "c.ts": h("c") };
    const to = { "a.ts": h("a"), "b.ts": h("B"), "d.ts": h("d") };
    expect(diffManifests(from, to)).toEqual({ added: ["d.ts"], modified: ["b.ts"], deleted: ["c.ts"] });
    expect(diffManifests({}, from).added).toEqual(["a.ts", "b.ts", "c.ts"]);
  });

  it("sorts keys so equal trees serialize the same", () => {
    const a = sortManifest({ "z.ts": h("z"), "a.ts": h("a") });
    const b = sortManifest({ "a.ts": h("a"), "z.ts": h("z") });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a)).toEqual(["a.ts", "z.ts"]);
  });

  it("refuses a corrupt manifest", () => {
    expect(() => parseManifest({ "a.ts": "not-a-hash" })).toThrow();
    expect(() => parseManifest(["a"])).toThrow();
  });
});
