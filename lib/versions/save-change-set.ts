// A person's change set from the editor or the API: the same validation and commit path as an
// AI turn, with refusals turned into one 422 that lists every refused operation.
import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb } from "@/lib/db/client";
import { summarizeChanges } from "@/lib/edits/describe";
import { AppError } from "@/lib/errors";
import { syncPreviewToVersion } from "@/lib/preview/sync-version";
import { applyChangeSet } from "./change-set";
import { getVersion, type VersionDetail } from "./get-version";
import type { ChangeSetBody } from "./schemas";

export async function saveChangeSet(input: {
  workspaceId: string;
  projectId: string;
  userId: string;
  body: ChangeSetBody;
  requestId?: string;
}): Promise<VersionDetail> {
  const scope = { workspaceId: input.workspaceId, projectId: input.projectId };
  const result = await applyChangeSet(scope, {
    operations: input.body.operations,
    baseVersionId: input.body.baseVersionId,
    author: "user",
    authorUserId: input.userId,
    // A person saving may well mean to shrink a file; placeholders are still refused.
    apply: { allowShrink: true },
    message: input.body.message ?? ((changes) => summarizeChanges(changes)),
  });
  if (!result.ok) {
    const count = result.errors.length;
    throw new AppError(
      "validation:operations",
      count === 1 ? (result.errors[0].reason ?? "The change was refused.") : `${count} changes were refused.`,
      { details: { errors: result.errors } },
    );
  }
  // The live preview gets only the changed files (never throws: the version is committed).
  await syncPreviewToVersion({ ...scope, versionId: result.version.id }, { typeCheck: "background" });
  await recordAuditEvent(getDb(), {
    workspaceId: input.workspaceId,
    actorUserId: input.userId,
    action: "version.saved",
    targetType: "version",
    targetId: result.version.id,
    requestId: input.requestId,
  });
  return getVersion({ ...scope, versionId: result.version.id });
}
