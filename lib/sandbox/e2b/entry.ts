// What one driver instance remembers about a sandbox it created or resumed (its handle, status,
// logs, the hashes of the files it wrote), and how a sandbox is described to callers: from that
// memory, or — for one this instance never held — from what E2B says about it.
import type { E2BCommandHandle, E2BSandboxHandle, E2BSandboxSummary } from "../e2b-client";
import { LogBuffer } from "../local/log-buffer";
import type { SandboxInfo, SandboxMetadata, SandboxStatus } from "../types";

export interface Entry {
  handle: E2BSandboxHandle;
  metadata: SandboxMetadata;
  status: SandboxStatus;
  since: string;
  error?: string;
  logs: LogBuffer;
  /** Path → hash of what was last written there, so unchanged files are not sent again. */
  manifest: Map<string, string>;
  devServer?: E2BCommandHandle;
  crashes: number;
}

export function newEntry(handle: E2BSandboxHandle, metadata: SandboxMetadata): Entry {
  return {
    handle,
    metadata,
    status: "booting",
    since: new Date().toISOString(),
    logs: new LogBuffer(),
    manifest: new Map(),
    crashes: 0,
  };
}

/** Booting or ready: what E2B may have changed behind this instance's back (paused, gone). */
export const isLive = (entry: Entry) => entry.status === "booting" || entry.status === "ready";

export function entryInfo(id: string, entry: Entry): SandboxInfo {
  return {
    id,
    status: entry.status,
    metadata: entry.metadata,
    since: entry.since,
    ...(entry.error ? { error: entry.error } : {}),
  };
}

export function setEntryStatus(entry: Entry, status: SandboxStatus, error?: string): void {
  if (entry.status === status && entry.error === error) return;
  entry.status = status;
  entry.error = error;
  entry.since = new Date().toISOString();
  if (error) entry.logs.system(`error: ${error}`);
}

export function metadataOf(summary: E2BSandboxSummary | null | undefined): SandboxMetadata {
  return {
    workspaceId: summary?.metadata.workspaceId ?? "",
    projectId: summary?.metadata.projectId ?? "",
  };
}

/**
 * A sandbox this instance does not hold, as E2B describes it: running counts as ready (its dev
 * server came back with it), and the status dates from its start.
 */
export function summaryInfo(summary: E2BSandboxSummary): SandboxInfo {
  return {
    id: summary.sandboxId,
    status: summary.state === "paused" ? "paused" : "ready",
    metadata: metadataOf(summary),
    since: summary.startedAt.toISOString(),
  };
}
