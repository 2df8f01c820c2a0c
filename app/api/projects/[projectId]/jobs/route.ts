// GET /api/projects/[projectId]/jobs – the project's durable job runs with steps, newest first
import { functionTitles } from "@/inngest/functions";
import { json, withWorkspace } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse-query";
import { listProjectJobs } from "@/lib/jobs/list-project-jobs";
import { listJobsQuerySchema } from "@/lib/jobs/schemas";

export const dynamic = "force-dynamic";

export const GET = withWorkspace<{ projectId: string }>(async ({ request, params, workspace, requestId }) => {
  const query = parseQuery(request, listJobsQuerySchema);
  const scope = { workspaceId: workspace.id, projectId: params.projectId };
  return json(await listProjectJobs({ ...query, ...scope }, functionTitles), { requestId });
});
