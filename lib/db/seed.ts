// Seeds the demo account (shown on the sign-in page in development) with one sample project.
// Idempotent: running it again changes nothing.
import { DEMO_ACCOUNT } from "@/lib/auth/config-public";
import { signUp } from "@/lib/auth/sign-up";
import { createProject } from "@/lib/projects/create-project";
import { resolveWorkspace } from "@/lib/workspaces/queries";
import type { Db } from "./client";

export async function seedDatabase(db: Db): Promise<{ created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: DEMO_ACCOUNT.email }, select: { id: true } });
  if (existing) return { created: false };
  const user = await signUp({
    email: DEMO_ACCOUNT.email,
    password: DEMO_ACCOUNT.password,
    name: DEMO_ACCOUNT.name,
  });
  const workspace = await resolveWorkspace(db, user.id);
  await createProject({
    workspaceId: workspace.id,
    userId: user.id,
    name: "Acme Analytics",
    templateId: "saas",
  });
  return { created: true };
}
