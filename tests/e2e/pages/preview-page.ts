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
 * The pid of the dev server whose project folder holds `marker` in src/: each local sandbox's
 * launcher gets its folder in PAGECRAFT_DEV_SERVER (see lib/sandbox/local/sandbox.ts).
 */
export async function findDevServerPid(marker: string): Promise<number | null> {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, "utf8").catch(() => "");
    const variable = environ.split("\0").find((v) => v.startsWith("PAGECRAFT_DEV_SERVER="));
    if (!variable) continue;
    let root: string;
    try {
      root = JSON.parse(variable.slice("PAGECRAFT_DEV_SERVER=".length)).root;
    } catch {
      continue;
    }
    // Inside bubblewrap the path is the namespace's; read it through the process's own root.
    const base =
      (await readlink(`/proc/${entry}/root`).catch(() => "/")) === "/" ? root : `/proc/${entry}/root${root}`;
    if (await containsMarker(path.join(base, "src"), marker)) return Number(entry);
  }
  return null;
}

async function containsMarker(dir: string, marker: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (await containsMarker(file, marker)) return true;
    } else if ((await readFile(file, "utf8").catch(() => "")).includes(marker)) return true;
  }
  return false;
}
