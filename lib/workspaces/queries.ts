// The only place the workspaces domain touches Prisma.
import type { Db, DbTransaction } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";

export interface WorkspaceRef {
  id: string;
  name: string;
  slug: string;
  role: "owner" | "admin" | "member" | "viewer";
}

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "workspace"
  );
}

/** Every new user gets a personal workspace they own. */
export async function createPersonalWorkspace(
  tx: DbTransaction,
  user: { id: string; name: string },
): Promise<WorkspaceRef> {
  const slug = `${slugify(user.name)}-${newId().slice(-6)}`;
  const workspace = await tx.workspace.create({
    data: {
      name: `${user.name.split(" ")[0] || "My"}'s workspace`,
      slug,
      personal: true,
      memberships: { create: { userId: user.id, role: "owner" } },
    },
  });
  return { id: workspace.id, name: workspace.name, slug: workspace.slug, role: "owner" };
}

/**
 * The workspace a request acts on: the one asked for if the user is a member of it, else the
 * user's personal workspace (or their oldest membership). Not a member → 404, never 403.
 */
export async function resolveWorkspace(
  db: Db,
  userId: string,
  requestedWorkspaceId?: string | null,
): Promise<WorkspaceRef> {
  const memberships = await db.membership.findMany({
    where: { userId, ...(requestedWorkspaceId ? { workspaceId: requestedWorkspaceId } : {}) },
    orderBy: [{ workspace: { personal: "desc" } }, { createdAt: "asc" }],
    take: 1,
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
  });
  const membership = memberships[0];
  if (!membership) throw notFound("workspace");
  return { ...membership.workspace, role: membership.role };
}
