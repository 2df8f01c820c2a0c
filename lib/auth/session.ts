// The signed-in user and the workspace they act in, for pages, actions and route handlers.
import "server-only";
import { getDb } from "@/lib/db/client";
import { resolveWorkspace, type WorkspaceRef } from "@/lib/workspaces/queries";
import { auth } from "./auth";
import type { SessionUser } from "./schemas";

export interface SessionContext {
  user: SessionUser;
  workspace: WorkspaceRef;
}

/** Null when nobody is signed in or the session's user no longer exists. */
export async function getSessionContext(
  requestedWorkspaceId?: string | null,
): Promise<SessionContext | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true },
  });
  if (!user) return null;
  const workspace = await resolveWorkspace(getDb(), user.id, requestedWorkspaceId);
  return { user, workspace };
}
