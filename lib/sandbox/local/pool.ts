// The warm pool of the local driver: PREVIEW_POOL_SIZE dev servers started ahead of time on a
// neutral template, their dependencies pre-bundled and their page's modules compiled, so a new or
// resumed preview claims one that is running and only its files change (claim.ts).
import { newId } from "@/lib/ids";
import { log } from "@/lib/log";
import { loadTemplateFiles } from "@/lib/templates/registry";
import type { DepsFolder } from "./deps";
import { applyFileChanges } from "./files";
import type { SandboxSettings } from "./launch";
import { LocalSandbox } from "./sandbox";

export interface WarmPoolOptions {
  size: number;
  /** The neutral template pooled servers start from. */
  templateId: string;
  /** The dependency folder of `templateId` (installed on first use). */
  deps: () => Promise<DepsFolder>;
  settings: SandboxSettings;
}

export class WarmPool {
  private readonly servers: LocalSandbox[] = [];
  private filling: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: WarmPoolOptions) {}

  /** A ready pooled server on these dependencies, taken out of the pool. */
  claim(deps: DepsFolder): LocalSandbox | null {
    const index = this.servers.findIndex(
      (s) => s.deps.hash === deps.hash && s.status === "ready" && s.server?.running,
    );
    if (index < 0) return null;
    const [sandbox] = this.servers.splice(index, 1);
    return sandbox;
  }

  /** Keeps `size` servers starting or ready in the background. */
  refill() {
    const { size, templateId, settings } = this.options;
    if (this.closed || size <= 0 || this.filling) return;
    this.filling = (async () => {
      try {
        const deps = await this.options.deps();
        const files = await loadTemplateFiles(templateId);
        while (!this.closed && this.servers.filter((s) => s.status !== "error").length < size) {
          const id = `pool-${newId()}`;
          const sandbox = new LocalSandbox(id, null, templateId, deps, id, settings);
          await sandbox.prepareFolders();
          await applyFileChanges(sandbox.appDir, sandbox.manifest, { write: files, delete: [] });
          this.servers.push(sandbox);
          await sandbox.prebundle();
          if (this.closed) break;
          await sandbox.start();
          // One at a time: starting servers compete for two cores with the ones serving users.
          const info = await sandbox.settled(60_000);
          if (info.status === "error") {
            log.warn("a pooled preview server failed to start", { error: info.error });
            this.servers.splice(this.servers.indexOf(sandbox), 1);
            await sandbox.destroy();
            break;
          }
        }
      } catch (error) {
        log.error("filling the preview pool failed", { error });
      } finally {
        this.filling = null;
      }
    })();
  }

  /** Resolves when the pool is full. */
  async full(): Promise<void> {
    while (this.filling) await this.filling;
    this.refill();
    while (this.filling) await this.filling;
  }

  /** Stops filling and removes every pooled server with its folder. */
  async close(): Promise<void> {
    this.closed = true;
    await this.filling;
    await Promise.all(this.servers.splice(0).map((s) => s.destroy()));
  }
}
