// Links an OAuth identity to a user: the linked user if known, else the user with that email,
// else a new user with a personal workspace.
import { getDb } from "@/lib/db/client";
import { createPersonalWorkspace } from "@/lib/workspaces/queries";
import type { SessionUser } from "./schemas";

export async function upsertOAuthUser(input: {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string;
  image?: string | null;
}): Promise<SessionUser> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const linked = await tx.account.findUnique({
      where: {
        provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId },
      },
      select: { user: { select: { id: true, email: true, name: true } } },
    });
    if (linked) return linked.user;
    const email = input.email.trim().toLowerCase();
    let user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
    if (!user) {
      user = await tx.user.create({
        data: { email, name: input.name || email.split("@")[0], image: input.image ?? null },
        select: { id: true, email: true, name: true },
      });
      await createPersonalWorkspace(tx, user);
    }
    await tx.account.create({
      data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId },
    });
    return user;
  });
}
