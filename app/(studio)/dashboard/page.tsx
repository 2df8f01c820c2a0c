import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DashboardEmptyState } from "@/components/dashboard/empty-state";
import { NewProjectButton, NewProjectProvider } from "@/components/dashboard/new-project-provider";
import { ProjectList } from "@/components/dashboard/project-list";
import { ProjectToolbar } from "@/components/dashboard/project-toolbar";
import type { TemplateOption } from "@/components/dashboard/types";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { getSessionContext } from "@/lib/auth/session";
import { listProjects } from "@/lib/projects/list-projects";
import { projectSortSchema } from "@/lib/projects/schemas";
import { workspaceChannel } from "@/lib/realtime/channels";
import { listTemplateChoices } from "@/lib/templates/registry";

export const metadata: Metadata = { title: "Projects" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await getSessionContext();
  if (!session) redirect("/sign-in");
  const params = await searchParams;
  const search = (first(params.q) ?? "").trim().slice(0, 80);
  const sort = projectSortSchema.catch("updated").parse(first(params.sort));

  const page = await listProjects({ workspaceId: session.workspace.id, search: search || undefined, sort });
  const templates: TemplateOption[] = listTemplateChoices();
  const sectionsByTemplate = Object.fromEntries(templates.map((t) => [t.id, t.sections]));
  const workspaceEmpty = page.items.length === 0 && !search;

  return (
    <NewProjectProvider templates={templates}>
      {/* Projects created, renamed, duplicated or deleted elsewhere show up without a reload. */}
      <LiveRefresh
        channel={workspaceChannel(session.workspace.id)}
        events={["project.created", "project.updated", "project.deleted", "version.created"]}
      />
      <main className="mx-auto grid w-full max-w-7xl gap-6 px-4 py-8 sm:px-6 lg:px-8">
        <div className="flex items-center justify-between gap-4">
          <div className="grid gap-1">
            <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
            <p className="text-muted-foreground">Landing pages in {session.workspace.name}.</p>
          </div>
          <NewProjectButton />
        </div>
        {workspaceEmpty ? (
          <DashboardEmptyState templates={templates} />
        ) : (
          <>
            <ProjectToolbar search={search} sort={sort} />
            <ProjectList
              key={`${search}|${sort}`}
              initial={page}
              search={search}
              sort={sort}
              sectionsByTemplate={sectionsByTemplate}
            />
          </>
        )}
      </main>
    </NewProjectProvider>
  );
}
