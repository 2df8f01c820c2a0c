import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { JobsView } from "@/components/jobs/jobs-view";
import { functionTitles } from "@/inngest/functions";
import { getSessionContext } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listProjectJobs } from "@/lib/jobs/list-project-jobs";
import { getProject } from "@/lib/projects/get-project";
import { projectIdSchema } from "@/lib/projects/schemas";

type Params = Promise<{ projectId: string }>;

export const metadata: Metadata = { title: "Jobs" };

export default async function ProjectJobsPage({ params }: { params: Params }) {
  const { projectId } = await params;
  const session = await getSessionContext();
  if (!session) redirect("/sign-in");
  if (!projectIdSchema.safeParse(projectId).success) notFound();
  const scope = { workspaceId: session.workspace.id, projectId };
  try {
    const [project, jobs] = await Promise.all([getProject(scope), listProjectJobs(scope, functionTitles)]);
    return (
      <main className="mx-auto w-full max-w-4xl space-y-4 p-6">
        <div className="flex items-baseline justify-between">
          <h1 className="text-xl font-semibold">Jobs · {project.name}</h1>
          <Link href={`/projects/${project.id}`} className="text-sm text-muted-foreground hover:underline">
            Back to the editor
          </Link>
        </div>
        <JobsView projectId={project.id} initial={jobs.items} />
      </main>
    );
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
}
