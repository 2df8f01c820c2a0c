// The local driver's settings: what a caller (the app, a test, the benchmark) may pass to
// LocalSandboxProvider, and the defaults from the environment (lib/env.ts) for what it leaves out.
import path from "node:path";
import { env, sandboxDir } from "@/lib/env";
import { localPreviewUrl } from "../preview-origin";
import type { IsolationCapabilities } from "./isolation";

export interface LocalProviderOptions {
  /** Root folder (deps and sandboxes). Default: SANDBOX_DIR. */
  root?: string;
  poolSize?: number;
  /** The neutral template pooled servers start from. */
  poolTemplateId?: string;
  idleMinutes?: number;
  /** Minutes a paused sandbox stays frozen before its dev server is stopped (0: stop at once). */
  freezeMinutes?: number;
  /** Most sandboxes frozen at once: pausing one more stops the longest-frozen (0: never freeze). */
  maxFrozen?: number;
  maxPerWorkspace?: number;
  memoryMb?: number;
  /** The browser-facing URL of a sandbox (the preview gateway's origin for it). */
  previewUrl?: (id: string) => string;
  /** Override what isolation is used (tests, or to force running without bwrap). */
  isolation?: Partial<IsolationCapabilities>;
}

export type ResolvedProviderOptions = Required<Omit<LocalProviderOptions, "isolation" | "root">> & {
  root: string;
};

export function resolveProviderOptions(options: LocalProviderOptions): ResolvedProviderOptions {
  return {
    root: path.resolve(options.root ?? sandboxDir),
    poolSize: options.poolSize ?? env.PREVIEW_POOL_SIZE,
    poolTemplateId: options.poolTemplateId ?? "blank",
    idleMinutes: options.idleMinutes ?? env.PREVIEW_IDLE_MINUTES,
    freezeMinutes: options.freezeMinutes ?? env.PREVIEW_FREEZE_MINUTES,
    maxFrozen: options.maxFrozen ?? env.PREVIEW_MAX_FROZEN,
    maxPerWorkspace: options.maxPerWorkspace ?? env.PREVIEW_MAX_PER_WORKSPACE,
    memoryMb: options.memoryMb ?? env.PREVIEW_MEMORY_MB,
    previewUrl: options.previewUrl ?? localPreviewUrl,
  };
}
