import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { EditorShell } from "@/components/editor/editor-shell";
import { listMessages } from "@/lib/ai/chat/queries";
import { PROVIDERS } from "@/lib/ai/models/schemas";
import { getAiSettingsView } from "@/lib/ai/models/workspace-models";
import { getSessionContext } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listProjectFiles } from "@/lib/projects/files";
import { getProject } from "@/lib/projects/get-project";
import { projectIdSchema } from "@/lib/projects/schemas";
import { listVersions } from "@/lib/versions/list-versions";

type Params = Promise<{ projectId: string }>;

/** The project, or Next's not-found page for a bad id, a missing project or one in another workspace. */
const loadProject = cache(async (projectId: string) => {
  const session = await getSessionContext();
  if (!session) redirect("/sign-in");
  if (!projectIdSchema.safeParse(projectId).success) notFound();
  try {
    return { session, project: await getProject({ workspaceId: session.workspace.id, projectId }) };
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { project } = await loadProject((await params).projectId);
  return { title: project.name };
}

export default async function ProjectPage({ params }: { params: Params }) {
  const { session, project } = await loadProject((await params).projectId);
  const scope = { workspaceId: session.workspace.id, projectId: project.id };
  const [files, versions, messages, ai] = await Promise.all([
    // A project without a version yet has no files; the Code tab says so.
    project.currentVersionId ? listProjectFiles(scope).then((list) => list.items) : Promise.resolve([]),
    listVersions(scope),
    // The chat opens with its latest page and the workspace's model, without a spinner.
    listMessages(project.id, { limit: 30 }),
    getAiSettingsView(session.workspace.id),
  ]);

  return (
    <EditorShell
      key={project.id}
      data={{
        project,
        files,
        versions: versions.items,
        moreVersions: versions.nextCursor !== null,
      }}
      chat={{
        messages: messages.items,
        nextCursor: messages.nextCursor,
        model: {
          provider: ai.provider,
          providerName: PROVIDERS[ai.provider].name,
          model: ai.model,
          autoFix: ai.autoFix,
        },
      }}
    />
  );
}
