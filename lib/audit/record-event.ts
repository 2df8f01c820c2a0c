import type { Db, DbTransaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export interface AuditInput {
  workspaceId: string;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  metadata?: Prisma.InputJsonObject;
  requestId?: string;
}

/** Records who did what; written in the same transaction as the change it describes. */
export async function recordAuditEvent(db: Db | DbTransaction, input: AuditInput): Promise<void> {
  await db.auditEvent.create({ data: { ...input, metadata: input.metadata ?? {} } });
}
