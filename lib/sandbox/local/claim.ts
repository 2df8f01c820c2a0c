// Handing a pooled dev server to a project (a new preview, or resuming one whose server was
// stopped): the pooled sandbox takes the project's id and metadata, only the files that differ
// from the pooled template's are written, and the running server takes them in at once and
// hot-reloads — no server start on the way. Also when the pool may refill after a claim.
import type { SandboxFile, SandboxMetadata } from "../types";
import { applyFileChanges, diffAgainst } from "./files";
import type { LocalSandbox } from "./sandbox";

export interface PoolClaim {
  id: string;
  metadata: SandboxMetadata;
  templateId: string;
  /** May still be being read: the server is told to hold its reactions meanwhile. */
  files: SandboxFile[] | Promise<SandboxFile[]>;
}

/**
 * Turns `pooled` into the sandbox `claim.id` with `claim.files`, then probes it (booting until the
 * page serves). Its identity changes before the first await, so callers may register it under the
 * new id straight away; on failure the caller destroys it.
 */
export async function takeOverPooled(pooled: LocalSandbox, claim: PoolClaim): Promise<void> {
  pooled.id = claim.id;
  pooled.metadata = claim.metadata;
  pooled.templateId = claim.templateId;
  pooled.lastActivity = Date.now();
  const started = performance.now();
  const [wanted] = await Promise.all([claim.files, pooled.server?.hold()]);
  const changes = await applyFileChanges(
    pooled.appDir,
    pooled.manifest,
    diffAgainst(pooled.manifest, wanted),
  );
  const written = performance.now();
  await pooled.server?.sync(changes, { bulk: true });
  pooled.logs.system(
    `claimed from the warm pool for project ${claim.metadata.projectId} (${changes.length} files written in ${Math.round(written - started)} ms, taken in by the dev server in ${Math.round(performance.now() - written)} ms)`,
  );
  pooled.setStatus("booting");
  void pooled.probe();
}

/**
 * Resolves once `sandbox` is ready and no request reached it for `quietMs` (at most `maxMs`, or
 * sooner once `closed()`): a pooled server starting before then would take the CPU its first page
 * load compiles with (two cores).
 */
export async function untilQuiet(
  sandbox: LocalSandbox,
  closed: () => boolean,
  quietMs = 1000,
  maxMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + maxMs;
  await sandbox.settled(maxMs);
  while (!closed() && Date.now() < deadline && Date.now() - sandbox.lastActivity < quietMs)
    await new Promise((resolve) => setTimeout(resolve, 100));
}
