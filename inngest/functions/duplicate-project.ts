// project/duplicate.requested → a new project whose version 1 is the source's current manifest.
// Blobs are shared (content-addressed per workspace). The new project's id comes with the event,
// so a retried step or a resent event finds the copy it already made instead of making another.
import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { projectDuplicateRequested } from "@/inngest/events";
import { isAppError } from "@/lib/errors";
import { reportJobProgress } from "@/lib/jobs/progress";
import { duplicateProject } from "@/lib/projects/duplicate-project";

export const duplicateProjectFunction = inngest.createFunction(
  {
    id: "duplicate-project",
    name: "Duplicate a project",
    triggers: [projectDuplicateRequested],
    retries: 3,
    idempotency: "event.data.newProjectId",
    concurrency: { limit: 1, key: "event.data.projectId" },
  },
  async ({ event, step, runId }) => {
    const project = await step.run("copy-current-version", async () => {
      const copy = await duplicateProject({
        workspaceId: event.data.workspaceId,
        projectId: event.data.projectId,
        userId: event.data.userId,
        name: event.data.name,
        requestId: event.data.requestId,
        newProjectId: event.data.newProjectId,
      }).catch((error: unknown) => {
        // A missing source or one with no version will not appear by retrying.
        if (isAppError(error) && error.status < 500)
          throw new NonRetriableError(error.message, { cause: error });
        throw error;
      });
      await reportJobProgress({ runId, progress: 100, message: `Created ${copy.name}` });
      return copy;
    });
    return { projectId: project.id, name: project.name, versionNumber: project.currentVersionNumber };
  },
);
