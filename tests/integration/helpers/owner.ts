// A person signed up with their personal workspace: where most integration tests that call lib/
// the way routes do begin (after setupTestApp).

import type { SignUpBody } from "@/lib/auth/schemas";
import type { SessionContext } from "@/lib/auth/session";
import { signUp } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db/client";
import { resolveWorkspace } from "@/lib/workspaces/queries";

/** The ids most calls take (spread it into a scope or an event's data). */
export type Owner = { userId: string; workspaceId: string };

/** Signs a person up: their ids, and the session they would have once signed in. */
export async function signUpOwner(body: SignUpBody): Promise<{ owner: Owner; session: SessionContext }> {
  const user = await signUp(body);
  const workspace = await resolveWorkspace(getDb(), user.id);
  return { owner: { userId: user.id, workspaceId: workspace.id }, session: { user, workspace } };
}
