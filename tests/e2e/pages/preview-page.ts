import { readdir, readFile, readlink } from "node:fs/promises";
import path from "node:path";
import { expect, type Frame, type Page } from "@playwright/test";

/** The Preview tab of the editor: the live frame, its status, its errors. */
export class PreviewPage {
  constructor(readonly page: Page) {}

  status() {
    return this.page.getByTestId("preview-status");
  }

  async expectReady(timeout = 90_000) {
    await expect(this.status()).toHaveAttribute("data-status", "ready", { timeout });
  }

  /** The page inside the iframe (another origin: *.preview.localhost). */
  async frame(): Promise<Frame> {
    const handle = await this.page.getByTestId("preview-frame").elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error("The preview frame has no page");
    return frame;
  }

  async expectText(text: string, timeout = 30_000) {
    await expect(this.page.frameLocator('[data-testid="preview-frame"]').locator("body")).toContainText(
      text,
      {
        timeout,
      },
    );
  }

  errors() {
    return this.page.getByTestId("preview-error");
  }
}

/**
 * The pid of the project's dev server: the launcher's own node process, whose sandbox folder's
 * state.json names the project. Each local sandbox's launcher gets its app folder in
 * PAGECRAFT_DEV_SERVER (see lib/sandbox/local/launch.ts); its wrappers (sh, setpriv, bwrap) and
 * children (esbuild) carry the same variable, but only the node process is the server. Matching
 * by project, not by page text: earlier tests' previews may show the same text.
 */
export async function findDevServerPid(projectId: string): Promise<number | null> {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, "utf8").catch(() => "");
    const variable = environ.split("\0").find((v) => v.startsWith("PAGECRAFT_DEV_SERVER="));
    if (!variable) continue;
    if ((await readFile(`/proc/${entry}/comm`, "utf8").catch(() => "")).trim() !== "node") continue;
    let config: { root?: string; optimizeOnly?: boolean };
    try {
      config = JSON.parse(variable.slice("PAGECRAFT_DEV_SERVER=".length));
    } catch {
      continue;
    }
    if (config.optimizeOnly || !config.root) continue;
    // Inside bubblewrap the path is the namespace's; read it through the process's own root.
    const own = (await readlink(`/proc/${entry}/root`).catch(() => "/")) === "/";
    const sandboxDir = path.dirname(own ? config.root : `/proc/${entry}/root${config.root}`);
    const state = await readFile(path.join(sandboxDir, "state.json"), "utf8")
      .then((text) => JSON.parse(text) as { metadata?: { projectId?: string } })
      .catch(() => null);
    if (state?.metadata?.projectId === projectId) return Number(entry);
  }
  return null;
}
