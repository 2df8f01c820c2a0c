// The registry of Inngest functions: everything served at /api/inngest.

import { INNGEST_APP_ID } from "@/lib/jobs/config";
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

/** Each function's name by its id as runs store it (the app id, then the function's): what the jobs view shows. */
export const functionTitles: Readonly<Record<string, string>> = Object.fromEntries(
  functions.map((fn) => [fn.id(INNGEST_APP_ID), fn.name]),
);
