// A preview's state moves only through here: the PreviewSession row is updated, the gateway's
// cache forgets it, and the studio hears it on the project channel (`preview.status`).

import { projectChannel } from "@/lib/realtime/channels";
import { announce } from "@/lib/realtime/events";
import { type PreviewSessionRow, updateSessionState } from "./queries";
import { forgetCachedSession } from "./registry";
import type { PreviewStatus } from "./schemas";
import { gatewayOrigin } from "./urls";

export interface TransitionExtra {
  error?: string | null;
  versionId?: string;
  /** The dev server had stopped and came back by itself. */
  restarted?: boolean;
}

/**
 * The URL announced over realtime: the origin only, never a token. The gateway's, on every driver
 * (computed from the id, never stored, so a changed PREVIEW_ORIGIN applies to open previews).
 */
export function publicUrl(session: Pick<PreviewSessionRow, "id">): string {
  return gatewayOrigin(session.id);
}

export async function transitionSession(
  session: PreviewSessionRow,
  status: PreviewStatus,
  extra: TransitionExtra = {},
): Promise<PreviewSessionRow> {
  const error = status === "error" ? (extra.error ?? session.error ?? "The preview stopped working.") : null;
  const updated = await updateSessionState(session.id, { status, error, versionId: extra.versionId });
  forgetCachedSession(session.id);
  await announcePreview(updated, { restarted: extra.restarted });
  return updated;
}

export async function announcePreview(
  session: PreviewSessionRow,
  extra: { restarted?: boolean } = {},
): Promise<void> {
  await announce([
    {
      channel: projectChannel(session.projectId),
      name: "preview.status",
      payload: {
        projectId: session.projectId,
        previewId: session.id,
        status: session.status as PreviewStatus,
        url: publicUrl(session),
        ...(session.error ? { error: session.error.slice(0, 2000) } : {}),
        ...(session.versionId ? { versionId: session.versionId } : {}),
        ...(extra.restarted ? { restarted: true } : {}),
      },
    },
  ]);
}
