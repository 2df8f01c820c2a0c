import { redirect } from "next/navigation";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { StudioTopBar } from "@/components/shell/studio-top-bar";
import { getSessionContext } from "@/lib/auth/session";
import { getRealtimeClientConfig } from "@/lib/realtime";

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const session = await getSessionContext();
  if (!session) redirect("/sign-in");
  return (
    <RealtimeProvider config={getRealtimeClientConfig()}>
      <div className="flex min-h-dvh flex-col">
        <StudioTopBar user={session.user} workspace={session.workspace} />
        {children}
      </div>
    </RealtimeProvider>
  );
}
