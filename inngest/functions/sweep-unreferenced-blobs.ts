// Daily (and on storage/blob-sweep.requested): finds blobs no version references. A dry run by
// default — it logs counts and bytes; it deletes only when the event says `delete: true` or
// BLOB_SWEEP_DELETE is set.
import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { blobSweepRequested } from "@/inngest/events";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { BLOB_SWEEP_GRACE_MS, deleteUnreferencedBlobs, findUnreferencedBlobs } from "@/lib/jobs/blob-sweep";
import { getStorage } from "@/lib/storage";

const BATCH = 1000;

export const sweepUnreferencedBlobsFunction = inngest.createFunction(
  {
    id: "sweep-unreferenced-blobs",
    name: "Sweep unreferenced blobs",
    triggers: [cron("0 3 * * *"), blobSweepRequested],
    retries: 2,
    concurrency: { limit: 1 },
  },
  async ({ event, step, logger }) => {
    const data =
      event.name === blobSweepRequested.name
        ? (event.data as { delete?: boolean; workspaceId?: string })
        : {};
    const deleteFound = data.delete === true || env.BLOB_SWEEP_DELETE;
    const scan = await step.run("find-unreferenced", async () => {
      const olderThan = new Date(Date.now() - BLOB_SWEEP_GRACE_MS);
      return findUnreferencedBlobs(getDb(), { workspaceId: data.workspaceId, olderThan, limit: BATCH });
    });
    const summary = { scanned: scan.scanned, unreferenced: scan.unreferenced.length, bytes: scan.bytes };
    if (!deleteFound || scan.unreferenced.length === 0) {
      logger.info(summary, "blob sweep (dry run)");
      return { ...summary, dryRun: !deleteFound, deleted: 0, deletedBytes: 0 };
    }
    const result = await step.run("delete-unreferenced", () =>
      deleteUnreferencedBlobs(getDb(), getStorage(), scan.unreferenced),
    );
    logger.info({ ...summary, ...result }, "blob sweep");
    return { ...summary, dryRun: false, deleted: result.deleted, deletedBytes: result.bytes };
  },
);
