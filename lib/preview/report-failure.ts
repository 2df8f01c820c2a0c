// A build or runtime error the studio saw in the preview (the injected client script posts it to
// the panel, which reports it here). The version it happened on is flagged broken with it, and
// the failure counts towards the fix loop's brake (lib/preview/failures.ts).
import { recordCheck } from "./check-version";
import { findProject } from "./queries";
import { FAILURE_KIND_LABEL, type PreviewFailure } from "./schemas";

export async function reportPreviewFailure(input: {
  workspaceId: string;
  projectId: string;
  failure: PreviewFailure;
}): Promise<{ versionId: string | null; fixAllowed: boolean }> {
  const project = await findProject(input);
  // The live preview follows the current version within milliseconds of a commit, while the
  // panel's idea of which version it shows can lag behind: blame the current version.
  const versionId = project.currentVersionId ?? input.failure.versionId ?? null;
  if (!versionId) return { versionId: null, fixAllowed: true };
  const { kind, message, file, line } = input.failure;
  const result = await recordCheck(
    { workspaceId: input.workspaceId, projectId: project.id, versionId },
    "broken",
    [
      {
        file: file ?? null,
        line: line ?? null,
        message: `${FAILURE_KIND_LABEL[kind]}: ${message.split("\n")[0]}`.slice(0, 500),
      },
    ],
  );
  return { versionId, fixAllowed: "fixAllowed" in result ? result.fixAllowed : true };
}
