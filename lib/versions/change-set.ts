// A change set — a turn of AI operations or a manual save — becomes one new version through the
// same path: validate every operation against the current files (lib/edits), store the new
// blobs, then commit in one transaction that fails if the project moved on meanwhile.
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { applyOperations } from "@/lib/edits/apply-operations";
import {
  type ApplyOptionsInput,
  type EditChanges,
  type EditError,
  type OperationStats,
  projectEditSettingsSchema,
  resolveApplyOptions,
} from "@/lib/edits/schemas";
import { AppError } from "@/lib/errors";
import { findProjectRow } from "@/lib/projects/queries";
import { getStorage } from "@/lib/storage";
import { type CommittedVersion, commitVersion } from "./commit-version";
import { type Manifest, parseManifest, sha256Hex } from "./manifest";
import { readVersionFiles } from "./read-files";
import type { VersionAuthor } from "./schemas";
import { storeBlobs } from "./store-blobs";

export interface ChangeSetScope {
  workspaceId: string;
  projectId: string;
}

export type PlannedChangeSet =
  | { ok: true; baseVersionId: string; manifest: Manifest; changes: EditChanges; stats: OperationStats[] }
  | { ok: false; baseVersionId: string | null; errors: EditError[] };

/**
 * Validates the operations against the base version (the current one unless given) and stores
 * the blobs of the files they produce. Nothing visible changes: the version is not committed.
 */
export async function planChangeSet(
  scope: ChangeSetScope,
  operations: readonly unknown[],
  options: { baseVersionId?: string; apply?: Omit<ApplyOptionsInput, "limits" | "allowPaths"> } = {},
): Promise<PlannedChangeSet> {
  const db = getDb();
  const project = await findProjectRow(db, scope.workspaceId, scope.projectId);
  const baseVersionId = options.baseVersionId ?? project.currentVersionId;
  if (!baseVersionId) throw new AppError("conflict:project", "This project has no version to edit yet.");
  if (baseVersionId !== project.currentVersionId) throw staleBase();
  const base = await db.version.findUniqueOrThrow({
    where: { id: baseVersionId },
    select: { manifest: true },
  });
  const settings = await db.project.findUniqueOrThrow({
    where: { id: project.id },
    select: { settings: true },
  });
  const editSettings = projectEditSettingsSchema.safeParse(
    (settings.settings as Prisma.JsonObject)?.edits ?? {},
  );

  const current = await readVersionFiles(scope.workspaceId, parseManifest(base.manifest));
  const result = applyOperations(
    current,
    operations,
    resolveApplyOptions(editSettings.success ? editSettings.data : null, options.apply),
  );
  if (!result.ok) return { ok: false, baseVersionId, errors: result.errors };

  const files = [...result.files].map(([path, content]) => ({
    path,
    content: typeof content === "string" ? Buffer.from(content, "utf8") : content,
  }));
  await storeBlobs(db, getStorage(), scope, files);
  const manifest: Manifest = Object.fromEntries(files.map((f) => [f.path, sha256Hex(f.content)]));
  return { ok: true, baseVersionId, manifest, changes: result.changes, stats: result.stats };
}

export function staleBase() {
  return new AppError(
    "conflict:version",
    "The project changed since this edit started. Reload to see the latest version, then try again.",
  );
}

/** Plans and commits a change set as one new version; refused operations come back as values. */
export async function applyChangeSet(
  scope: ChangeSetScope,
  input: {
    operations: readonly unknown[];
    baseVersionId?: string;
    author: VersionAuthor;
    authorUserId: string | null;
    /** The version message, or a function of the changes (e.g. summarizeChanges). */
    message: string | ((changes: EditChanges) => string);
    apply?: Omit<ApplyOptionsInput, "limits" | "allowPaths">;
  },
): Promise<
  | { ok: true; version: CommittedVersion; changes: EditChanges; stats: OperationStats[] }
  | { ok: false; errors: EditError[] }
> {
  const plan = await planChangeSet(scope, input.operations, {
    baseVersionId: input.baseVersionId,
    apply: input.apply,
  });
  if (!plan.ok) return { ok: false, errors: plan.errors };
  const version = await commitVersion(getDb(), {
    projectId: scope.projectId,
    manifest: plan.manifest,
    author: input.author,
    authorUserId: input.authorUserId,
    message: typeof input.message === "function" ? input.message(plan.changes) : input.message,
    expectedCurrentVersionId: plan.baseVersionId,
  });
  return { ok: true, version, changes: plan.changes, stats: plan.stats };
}
