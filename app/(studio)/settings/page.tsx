import { ArrowLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AiSettingsForm } from "@/components/settings/ai-settings-form";
import { PROVIDERS } from "@/lib/ai/models/schemas";
import { getAiSettingsView } from "@/lib/ai/models/workspace-models";
import { getSessionContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const session = await getSessionContext();
  if (!session) redirect("/sign-in");
  const settings = await getAiSettingsView(session.workspace.id);
  const canEdit = session.workspace.role === "owner" || session.workspace.role === "admin";

  return (
    <main className="mx-auto grid w-full max-w-2xl gap-6 px-4 py-8 sm:px-6">
      <div className="grid gap-1">
        <Link
          href="/dashboard"
          className="mb-2 inline-flex w-fit items-center gap-1 rounded-md text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <ArrowLeftIcon className="size-3.5" aria-hidden />
          Projects
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-muted-foreground">{session.workspace.name}</p>
      </div>
      <AiSettingsForm initial={settings} providers={PROVIDERS} canEdit={canEdit} />
    </main>
  );
}
