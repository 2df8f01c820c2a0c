// A version's manifest maps every file path of the project to the sha256 of its content.
import { createHash } from "node:crypto";
import { z } from "zod";

export const manifestSchema = z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/));
export type Manifest = z.infer<typeof manifestSchema>;

export interface FileContent {
  path: string;
  content: Uint8Array;
}

export interface ManifestChanges {
  added: string[];
  modified: string[];
  deleted: string[];
}

export function sha256Hex(content: Uint8Array | string): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Parses a manifest read from the database; a corrupt one is a bug, so this throws. */
export function parseManifest(value: unknown): Manifest {
  return manifestSchema.parse(value);
}

export function diffManifests(from: Manifest, to: Manifest): ManifestChanges {
  const added: string[] = [];
  const modified: string[] = [];
  const deleted: string[] = [];
  for (const [path, hash] of Object.entries(to)) {
    if (!(path in from)) added.push(path);
    else if (from[path] !== hash) modified.push(path);
  }
  for (const path of Object.keys(from)) if (!(path in to)) deleted.push(path);
  return { added: added.sort(), modified: modified.sort(), deleted: deleted.sort() };
}

/** Manifest with keys in sorted order, so equal trees serialize identically. */
export function sortManifest(manifest: Manifest): Manifest {
  return Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
