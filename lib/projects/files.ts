// Reading a project's files at its current version (or any version of it).
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { type Manifest, parseManifest } from "@/lib/versions/manifest";
import { projectPathProblem } from "@/lib/versions/paths";
import { findProjectRow } from "./queries";
import type { FileList } from "./schemas";

async function loadManifest(input: { workspaceId: string; projectId: string; versionId?: string }) {
  const db = getDb();
  const project = await findProjectRow(db, input.workspaceId, input.projectId);
  const versionId = input.versionId ?? project.currentVersionId;
  if (!versionId) throw new AppError("conflict:project", "This project has no version yet.");
  const version = await db.version.findFirst({
    where: { id: versionId, projectId: project.id },
    select: { id: true, manifest: true },
  });
  if (!version) throw notFound("version");
  return { versionId: version.id, manifest: parseManifest(version.manifest) };
}

export async function listProjectFiles(input: {
  workspaceId: string;
  projectId: string;
  versionId?: string;
}): Promise<FileList> {
  const { versionId, manifest } = await loadManifest(input);
  const sizes = await blobSizes(input.workspaceId, manifest);
  return {
    versionId,
    items: Object.entries(manifest)
      .map(([path, sha256]) => ({ path, sha256, size: sizes.get(sha256) ?? 0 }))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

async function blobSizes(workspaceId: string, manifest: Manifest): Promise<Map<string, number>> {
  const rows = await getDb().blob.findMany({
    where: { workspaceId, sha256: { in: [...new Set(Object.values(manifest))] } },
    select: { sha256: true, size: true },
  });
  return new Map(rows.map((r) => [r.sha256, r.size]));
}

/** The raw bytes of one file. A path outside the project is a 400, a missing file a 404. */
export async function readProjectFile(input: {
  workspaceId: string;
  projectId: string;
  path: string;
  versionId?: string;
}): Promise<{ path: string; sha256: string; content: Buffer }> {
  const problem = projectPathProblem(input.path);
  if (problem) throw new AppError("bad_request:path", problem, { field: "path" });
  const { manifest } = await loadManifest(input);
  const sha256 = manifest[input.path];
  if (!sha256) throw new AppError("not_found:file", `There is no file at ${input.path}.`);
  const content = await readBlob(input.workspaceId, sha256);
  return { path: input.path, sha256, content };
}

export async function readBlob(workspaceId: string, sha256: string): Promise<Buffer> {
  const blob = await getDb().blob.findUnique({
    where: { workspaceId_sha256: { workspaceId, sha256 } },
    select: { key: true },
  });
  const content = blob ? await getStorage().getBytes(blob.key) : null;
  if (!content) throw new AppError("internal:blob", "A stored file is missing. Our team has been notified.");
  return content;
}
