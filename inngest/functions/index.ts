// The registry of Inngest functions: everything served at /api/inngest.
import { applyTurnFunction } from "./apply-turn";
import { duplicateProjectFunction } from "./duplicate-project";
import { sweepUnreferencedBlobsFunction } from "./sweep-unreferenced-blobs";

export const functions = [applyTurnFunction, duplicateProjectFunction, sweepUnreferencedBlobsFunction];
