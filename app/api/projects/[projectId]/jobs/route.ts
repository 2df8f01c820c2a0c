// GET /api/projects/[projectId]/jobs – the project's durable job runs with steps, newest first
import { json, withWorkspace } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse-query";
import { listProjectJobs } from "@/lib/jobs/list-project-jobs";
import { listJobsQuerySchema } from "@/lib/jobs/schemas";

export const dynamic = "force-dynamic";

export const GET = withWorkspace<{ projectId: string }>(async ({ request, params, workspace, requestId }) => {
  const query = parseQuery(request, listJobsQuerySchema);
  return json(await listProjectJobs({ ...query, workspaceId: workspace.id, projectId: params.projectId }), {
    requestId,
  });
});
