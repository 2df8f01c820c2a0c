// Restoring never rewrites history: the old version's tree becomes a new version on top.
import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb } from "@/lib/db/client";
import { syncPreviewToVersion } from "@/lib/preview/sync-version";
import { commitVersionInTransaction } from "./commit-version";
import { findVersion } from "./queries";

export async function restoreVersion(input: {
  workspaceId: string;
  projectId: string;
  versionId: string;
  userId: string | null;
  requestId?: string;
}): Promise<{ id: string; number: number; projectId: string }> {
  const committed = await getDb().$transaction(async (tx) => {
    const { version, manifest } = await findVersion(tx, input, input.versionId);
    const committed = await commitVersionInTransaction(tx, {
      projectId: input.projectId,
      manifest,
      author: "restore",
      authorUserId: input.userId,
      message: `Restored version ${version.number}`,
      restoredFromId: version.id,
    });
    await recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actorUserId: input.userId,
      action: "version.restored",
      targetType: "version",
      targetId: committed.id,
      metadata: { restoredFromId: version.id, restoredFromNumber: version.number },
      requestId: input.requestId,
    });
    return committed;
  });
  // The live preview gets only the files that differ (never throws: the restore is committed).
  await syncPreviewToVersion(
    { workspaceId: input.workspaceId, projectId: input.projectId, versionId: committed.id },
    { typeCheck: "background" },
  );
  return committed;
}
