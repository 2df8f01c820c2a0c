import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { findVersion } from "./queries";

export const checkpointBodySchema = z.strictObject({
  /** A name for the version, or null to clear it. */
  checkpointName: z
    .string()
    .trim()
    .min(1, "Name the checkpoint.")
    .max(60, "Use at most 60 characters.")
    .nullable(),
});

export async function nameCheckpoint(input: {
  workspaceId: string;
  projectId: string;
  versionId: string;
  checkpointName: string | null;
}): Promise<void> {
  const db = getDb();
  const { version } = await findVersion(db, input, input.versionId);
  await db.version.update({ where: { id: version.id }, data: { checkpointName: input.checkpointName } });
}
