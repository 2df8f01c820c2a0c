// Creates a project from a starter template: its files become version 1.
import { recordAuditEvent } from "@/lib/audit/record-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { workspaceChannel } from "@/lib/realtime/channels";
import { announce } from "@/lib/realtime/events";
import { getStorage } from "@/lib/storage";
import { getTemplate, loadTemplateFiles } from "@/lib/templates/registry";
import { commitVersionInTransaction } from "@/lib/versions/commit-version";
import { type Manifest, sha256Hex } from "@/lib/versions/manifest";
import { storeBlobs } from "@/lib/versions/store-blobs";
import { getProject } from "./get-project";
import { type CreateProjectBody, createProjectBodySchema, type ProjectSummary } from "./schemas";

export async function createProject(
  input: CreateProjectBody & { workspaceId: string; userId: string | null; requestId?: string },
): Promise<ProjectSummary> {
  const body = createProjectBodySchema.parse({ name: input.name, templateId: input.templateId });
  const template = getTemplate(body.templateId);
  if (!template) {
    throw new AppError("validation:template", `There is no template called "${body.templateId}".`, {
      field: "templateId",
    });
  }
  const db = getDb();
  const files = await loadTemplateFiles(template.id);
  const projectId = newId();
  await storeBlobs(db, getStorage(), { workspaceId: input.workspaceId, projectId }, files);
  const manifest: Manifest = Object.fromEntries(files.map((f) => [f.path, sha256Hex(f.content)]));

  await db.$transaction(async (tx) => {
    await tx.project.create({
      data: {
        id: projectId,
        workspaceId: input.workspaceId,
        name: body.name,
        templateId: template.id,
        createdById: input.userId,
      },
    });
    await commitVersionInTransaction(tx, {
      projectId,
      manifest,
      author: "template",
      authorUserId: input.userId,
      message: `Created from the ${template.name} template`,
    });
    await recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actorUserId: input.userId,
      action: "project.created",
      targetType: "project",
      targetId: projectId,
      metadata: { templateId: template.id },
      requestId: input.requestId,
    });
  });
  const project = await getProject({ workspaceId: input.workspaceId, projectId });
  await announce(
    [
      {
        channel: workspaceChannel(input.workspaceId),
        name: "project.created",
        payload: { projectId, name: project.name, actorId: input.userId },
      },
    ],
    input,
  );
  return project;
}
