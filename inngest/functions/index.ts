// The registry of Inngest functions: everything served at /api/inngest.
import { applyTurnFunction } from "./apply-turn";
import { duplicateProjectFunction } from "./duplicate-project";
import { pauseIdlePreviewsFunction } from "./pause-idle-previews";
import { recordCancelledRunFunction } from "./record-cancelled-run";
import { sweepUnreferencedBlobsFunction } from "./sweep-unreferenced-blobs";

export const functions = [
  applyTurnFunction,
  duplicateProjectFunction,
  pauseIdlePreviewsFunction,
  recordCancelledRunFunction,
  sweepUnreferencedBlobsFunction,
];
