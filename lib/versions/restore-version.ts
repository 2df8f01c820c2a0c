// Restoring never rewrites history: the old version's tree becomes a new version on top.
import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb } from "@/lib/db/client";
import { commitVersionInTransaction } from "./commit-version";
import { findVersion } from "./queries";

export async function restoreVersion(input: {
  workspaceId: string;
  projectId: string;
  versionId: string;
  userId: string | null;
  requestId?: string;
}): Promise<{ id: string; number: number; projectId: string }> {
  return getDb().$transaction(async (tx) => {
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
}
