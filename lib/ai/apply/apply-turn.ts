// The AI-apply job's steps as plain functions (inngest/functions/apply-turn.ts wires them as
// durable steps): validate every operation and store its blobs → commit one version in a single
// transaction → announce. Each is safe to run again: the version id is derived from the run, so
// a replay finds the version it already made instead of making a second one.

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { summarizeChanges } from "@/lib/edits/describe";
import type { EditError } from "@/lib/edits/schemas";
import { AppError, isAppError } from "@/lib/errors";
import { projectChannel } from "@/lib/realtime/channels";
import { announce } from "@/lib/realtime/events";
import { planChangeSet } from "@/lib/versions/change-set";
import { commitVersionInTransaction } from "@/lib/versions/commit-version";
import type { Manifest } from "@/lib/versions/manifest";

export interface ApplyScope {
  runId: string;
  workspaceId: string;
  projectId: string;
  userId: string | null;
  /** The person's request, used for the version message. */
  request: string;
}

export type ValidatedTurn =
  | { ok: true; baseVersionId: string; manifest: Manifest; message: string }
  | { ok: false; errors: EditError[] };

/** The version id a run commits; fixed per run so that replays are no-ops. */
export const versionIdForRun = (runId: string) => `${runId}v`;

async function loadRun(scope: ApplyScope) {
  const run = await getDb().applyRun.findFirst({
    where: { id: scope.runId, projectId: scope.projectId, project: { workspaceId: scope.workspaceId } },
    select: { id: true, status: true, operations: true, versionId: true, messageId: true },
  });
  if (!run) throw new AppError("not_found:apply_run", "That apply run does not exist.");
  return run;
}

function versionMessage(request: string, changes: Parameters<typeof summarizeChanges>[0]): string {
  const asked = request.replace(/\s+/g, " ").trim();
  const summary = summarizeChanges(changes);
  return asked ? `${asked.length > 90 ? `${asked.slice(0, 89)}…` : asked} — ${summary}` : summary;
}

export async function validateTurn(scope: ApplyScope): Promise<ValidatedTurn> {
  const run = await loadRun(scope);
  if (run.status === "queued") {
    await getDb().applyRun.update({ where: { id: run.id }, data: { status: "running" } });
    await announceRun(scope, "running");
  }
  const operations = Array.isArray(run.operations) ? run.operations : [];
  const plan = await planChangeSet(scope, operations);
  if (!plan.ok) return { ok: false, errors: plan.errors };
  return {
    ok: true,
    baseVersionId: plan.baseVersionId,
    manifest: plan.manifest,
    message: versionMessage(scope.request, plan.changes),
  };
}

/**
 * Commits the validated tree as one version and marks the run succeeded, in one transaction.
 * If someone committed in between, the turn is validated again on top of the new version.
 */
export async function commitTurn(
  scope: ApplyScope,
  validated: Extract<ValidatedTurn, { ok: true }>,
): Promise<{ ok: true; versionId: string; number: number } | { ok: false; errors: EditError[] }> {
  const db = getDb();
  const versionId = versionIdForRun(scope.runId);
  let plan: Extract<ValidatedTurn, { ok: true }> = validated;
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await db.version.findUnique({
      where: { id: versionId },
      select: { id: true, number: true },
    });
    if (existing) return { ok: true, versionId: existing.id, number: existing.number };
    try {
      const committed = await db.$transaction(async (tx) => {
        const version = await commitVersionInTransaction(tx, {
          projectId: scope.projectId,
          manifest: plan.manifest,
          author: "ai",
          authorUserId: scope.userId,
          message: plan.message,
          expectedCurrentVersionId: plan.baseVersionId,
          versionId,
        });
        await tx.applyRun.update({
          where: { id: scope.runId },
          data: { status: "succeeded", versionId: version.id, finishedAt: new Date(), errors: undefined },
        });
        return version;
      });
      return { ok: true, versionId: committed.id, number: committed.number };
    } catch (error) {
      if (!(isAppError(error) && error.code === "conflict:version")) throw error;
      const again = await validateTurn(scope);
      if (!again.ok) return again;
      plan = again;
    }
  }
  throw new AppError("conflict:version", "The project kept changing while this turn was being applied.");
}

export async function failTurn(scope: ApplyScope, errors: EditError[]): Promise<void> {
  await getDb().applyRun.update({
    where: { id: scope.runId },
    data: { status: "failed", errors: errors as unknown as Prisma.InputJsonArray, finishedAt: new Date() },
  });
}

export async function announceRun(
  scope: ApplyScope,
  status: "queued" | "running" | "succeeded" | "failed",
  extra: { versionId?: string; number?: number; errors?: EditError[] } = {},
): Promise<void> {
  const run = await getDb().applyRun.findUnique({ where: { id: scope.runId }, select: { messageId: true } });
  const errors = extra.errors?.slice(0, 20).map((e) => ({
    index: e.index,
    path: e.path?.slice(0, 300) ?? null,
    reason: e.reason.slice(0, 300),
  }));
  const channel = projectChannel(scope.projectId);
  await announce([
    {
      channel,
      name: "apply.updated",
      payload: {
        projectId: scope.projectId,
        runId: scope.runId,
        messageId: run?.messageId ?? null,
        status,
        versionId: extra.versionId ?? null,
        versionNumber: extra.number ?? null,
        ...(errors ? { errors } : {}),
      },
    },
    ...(status === "succeeded" && extra.versionId && extra.number
      ? [
          {
            channel,
            name: "version.created" as const,
            payload: {
              projectId: scope.projectId,
              versionId: extra.versionId,
              number: extra.number,
              author: "ai",
              actorId: scope.userId,
            },
          },
        ]
      : []),
  ]);
}
