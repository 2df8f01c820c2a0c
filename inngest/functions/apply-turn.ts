// ai/apply.requested → one AI turn applied as one new version, or none of it:
// validate every operation and store blobs → commit in a single transaction → announce → push
// the changed files to the live preview → type-check the version in the preview's sandbox.
// The event id and the function's idempotency key are the ApplyRun id, and the version id is
// derived from it, so replaying the event never creates a second version.
import { inngest } from "@/inngest/client";
import { aiApplyRequested } from "@/inngest/events";
import { announceRun, commitTurn, failTurn, validateTurn } from "@/lib/ai/apply/apply-turn";
import { checkVersionInPreview } from "@/lib/preview/check-version";
import { syncPreviewToVersion } from "@/lib/preview/sync-version";

export const applyTurnFunction = inngest.createFunction(
  {
    id: "apply-ai-turn",
    name: "Apply an AI turn",
    triggers: [aiApplyRequested],
    retries: 3,
    idempotency: "event.data.applyRunId",
    // Turns of one project apply in the order they were sent.
    concurrency: { limit: 1, key: "event.data.projectId" },
  },
  async ({ event, step }) => {
    const scope = {
      runId: event.data.applyRunId,
      workspaceId: event.data.workspaceId,
      projectId: event.data.projectId,
      userId: event.data.userId,
      request: event.data.request,
    };
    const validated = await step.run("validate-and-store", () => validateTurn(scope));
    const committed = validated.ok
      ? await step.run("commit-version", () => commitTurn(scope, validated))
      : validated;
    if (!committed.ok) {
      await step.run("record-refusal", async () => {
        await failTurn(scope, committed.errors);
        await announceRun(scope, "failed", { errors: committed.errors });
      });
      return { status: "failed", errors: committed.errors.length };
    }
    // The person hears about the version first; the preview follows within its sync.
    await step.run("announce", () =>
      announceRun(scope, "succeeded", { versionId: committed.versionId, number: committed.number }),
    );
    // Only the changed files reach the live preview (never fails the turn: the version is committed).
    await step.run("sync-preview", () => syncPreviewToVersion({ ...scope, versionId: committed.versionId }));
    // Type-check in the preview's sandbox: the version is flagged ok or broken with its problems.
    const check = await step.run("check-version", async () => {
      try {
        return await checkVersionInPreview({ ...scope, versionId: committed.versionId });
      } catch (error) {
        return { status: "skipped" as const, reason: error instanceof Error ? error.message : String(error) };
      }
    });
    return {
      status: "succeeded",
      versionId: committed.versionId,
      number: committed.number,
      check: check.status,
    };
  },
);
