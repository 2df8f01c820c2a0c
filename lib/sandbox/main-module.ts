// What every driver's readiness probe asks a dev server for after the index HTML: the page's own
// entry module, whose compiling says the project builds.

/**
 * The page's own entry module named by index.html (`/src/main.tsx` in every starter). The HTML a
 * dev server serves has Vite's module scripts before it (`/@vite/client`, plugins' `/@…` ones):
 * those say nothing about whether the project compiles, so they are skipped.
 */
export function mainModuleOf(html: string): string {
  for (const [, attributes] of html.matchAll(/<script\b([^>]*)>/gi)) {
    if (!/\btype=["']module["']/i.test(attributes)) continue;
    const src = /\bsrc=["']([^"']+)["']/i.exec(attributes)?.[1];
    if (src && !src.startsWith("/@")) return src;
  }
  return "/src/main.tsx";
}
