// GET /api/projects/[projectId]/apply-runs/[runId] – an AI turn's apply status, version and refusals

import { applyStatusOf, getApplyRun } from "@/lib/ai/chat/queries";
import { json, withWorkspace } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { getProject } from "@/lib/projects/get-project";

export const GET = withWorkspace<{ projectId: string; runId: string }>(
  async ({ params, workspace, requestId }) => {
    const project = await getProject({ workspaceId: workspace.id, projectId: params.projectId });
    const run = await getApplyRun(project.id, params.runId);
    if (!run) throw notFound("apply_run", "apply run");
    return json(
      {
        ...applyStatusOf(run),
        messageId: run.messageId,
        createdAt: run.createdAt.toISOString(),
        finishedAt: run.finishedAt?.toISOString() ?? null,
        // What each operation touched, not the file contents: the chat polls this while applying.
        operations: (Array.isArray(run.operations) ? run.operations : []).map((op) => {
          const { path, action, to } = (op ?? {}) as { path?: string; action?: string; to?: string };
          return { path, action, ...(to ? { to } : {}) };
        }),
      },
      { requestId },
    );
  },
);
