// Every event the studio sends, with its zod schema. `inngest.send(x.create(data))` validates the
// data before sending, and the SDK validates it again before a function runs.
import { eventType } from "inngest";
import { z } from "zod";

const id = z.string().min(1).max(64);

export const projectDuplicateRequested = eventType("project/duplicate.requested", {
  schema: z.object({
    workspaceId: id,
    /** The project to copy (the jobs view lists the run under it). */
    projectId: id,
    /** Chosen by the sender, so a retried step or a resent event creates one copy. */
    newProjectId: id,
    userId: id.nullable(),
    name: z.string().min(1).max(80).optional(),
    requestId: z.string().max(128).optional(),
  }),
});

export const blobSweepRequested = eventType("storage/blob-sweep.requested", {
  schema: z.object({
    /** Delete what the sweep finds; without it the sweep only reports (dry run). */
    delete: z.boolean().optional(),
    workspaceId: id.optional(),
  }),
});

export const aiApplyRequested = eventType("ai/apply.requested", {
  schema: z.object({
    /** The ApplyRun holding the turn's operations (events stay small). */
    applyRunId: id,
    workspaceId: id,
    projectId: id,
    userId: id.nullable(),
    /** The person's request, for the version message. */
    request: z.string().max(8000),
  }),
});

export const previewIdleSweepRequested = eventType("preview/idle-sweep.requested", {
  // Nothing to say: the sweep pauses whatever has been idle for PREVIEW_IDLE_MINUTES, now.
  schema: z.object({}),
});
