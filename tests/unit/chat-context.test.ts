import { countTokens } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import { buildChatContext } from "@/lib/ai/context/build-context";
import { rankFiles } from "@/lib/ai/context/relevance";

const files = new Map<string, string>([
  [
    "src/App.tsx",
    'import Hero from "./sections/hero";\nexport default function App() { return <Hero />; }\n',
  ],
  ["src/sections/hero.tsx", "export default function Hero() { return <h1>Hi</h1>; }\n"],
  [
    "src/sections/pricing.tsx",
    `export default function Pricing() { return <p>${"plan ".repeat(3000)}</p>; }\n`,
  ],
  ["src/site.ts", 'export const site = { name: "Acme", mode: "light" };\n'],
  ["README.md", "# Readme\n"],
]);

describe("file relevance", () => {
  it("puts named files first, then recent ones and their imports, then core files", () => {
    const ranked = rankFiles(files, "make the pricing cheaper", ["src/App.tsx"]);
    expect(ranked[0]).toEqual({ path: "src/sections/pricing.tsx", reason: "named" });
    expect(ranked.find((r) => r.path === "src/App.tsx")?.reason).toBe("recent");
    expect(ranked.find((r) => r.path === "src/sections/hero.tsx")?.reason).toBe("imported");
    expect(ranked.find((r) => r.path === "src/site.ts")?.reason).toBe("core");
    expect(ranked.at(-1)?.reason).toBe("other");
  });
});

describe("chat context", () => {
  it("stays within the token budget, dropping what does not fit", () => {
    const context = buildChatContext({
      files,
      recentlyChanged: [],
      history: [],
      message: "hello",
      budget: 3000,
    });
    expect(context.usage.total).toBeLessThanOrEqual(3000);
    expect(context.usage.includedFiles.map((f) => f.path)).not.toContain("src/sections/pricing.tsx");
    expect(context.usage.omittedFiles).toBeGreaterThan(0);
    const counted =
      countTokens(context.system) + context.messages.reduce((n, m) => n + countTokens(String(m.content)), 0);
    // The usage figures are real token counts of what is sent (plus the fixed acknowledgement).
    expect(Math.abs(counted - context.usage.total)).toBeLessThan(50);
  });

  it("keeps recent messages verbatim and summarizes older ones", () => {
    const history = Array.from({ length: 12 }, (_, i) => ({
      role: (i % 2 === 0 ? "user" : "assistant") as "user" | "assistant",
      content: `message ${i}`,
      paths: i % 2 ? ["src/App.tsx"] : undefined,
    }));
    const context = buildChatContext({ files, recentlyChanged: [], history, message: "next" });
    const texts = context.messages.map((m) => String(m.content));
    expect(
      texts.some((t) => t.startsWith("Summary of the earlier conversation") && t.includes("message 0")),
    ).toBe(true);
    expect(texts).toContain("message 11");
    expect(texts).not.toContain("message 0");
    expect(texts.at(-1)).toBe("next");
  });

  it("teaches the protocol and the section library", () => {
    const { system } = buildChatContext({ files, recentlyChanged: [], history: [], message: "x" });
    expect(system).toContain('<code path="');
    expect(system).toContain("SEARCH");
    expect(system).toMatch(/pricing/i);
  });
});
