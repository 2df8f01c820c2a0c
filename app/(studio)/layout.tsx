import { redirect } from "next/navigation";
import { CommandPaletteProvider } from "@/components/command-palette/command-palette-provider";
import type { TemplateOption } from "@/components/dashboard/types";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { StudioTopBar } from "@/components/shell/studio-top-bar";
import { getSessionContext } from "@/lib/auth/session";
import { getRealtimeClientConfig } from "@/lib/realtime";
import { listTemplateChoices } from "@/lib/templates/registry";

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const session = await getSessionContext();
  if (!session) redirect("/sign-in");
  // The palette's "New project" opens the dashboard's own dialog, with the same templates.
  const templates: TemplateOption[] = listTemplateChoices();
  return (
    <RealtimeProvider config={getRealtimeClientConfig()}>
      <CommandPaletteProvider templates={templates}>
        <div className="flex min-h-dvh flex-col">
          <StudioTopBar user={session.user} workspace={session.workspace} />
          {children}
        </div>
      </CommandPaletteProvider>
    </RealtimeProvider>
  );
}
