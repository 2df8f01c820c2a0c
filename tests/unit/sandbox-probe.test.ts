import { describe, expect, it } from "vitest";
import { mainModuleOf } from "@/lib/sandbox/main-module";

describe("the readiness probe's main module", () => {
  it("is the page's own entry, not one of the module scripts Vite puts before it", () => {
    // What a dev server serves for a starter's index.html (the reporter, React refresh, Vite's client).
    const served = `<!doctype html><html><head>
      <script src="/__pagecraft/preview-client.js"></script>
      <script type="module">import { injectIntoGlobalHook } from "/@react-refresh";</script>
      <script type="module" src="/@vite/client"></script>
      <title>x</title></head>
      <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>`;
    expect(mainModuleOf(served)).toBe("/src/main.tsx");
  });

  it("reads src and type in either order and either quote", () => {
    expect(mainModuleOf(`<script src='/src/entry.tsx' type='module'></script>`)).toBe("/src/entry.tsx");
  });

  it("falls back to the starters' entry when the page names none", () => {
    expect(mainModuleOf("<html><body>no scripts</body></html>")).toBe("/src/main.tsx");
    expect(mainModuleOf(`<script src="/legacy.js"></script>`)).toBe("/src/main.tsx");
  });
});
