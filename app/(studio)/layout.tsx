import { redirect } from "next/navigation";
import { StudioTopBar } from "@/components/shell/studio-top-bar";
import { getSessionContext } from "@/lib/auth/session";

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const session = await getSessionContext();
  if (!session) redirect("/sign-in");
  return (
    <div className="flex min-h-dvh flex-col">
      <StudioTopBar user={session.user} workspace={session.workspace} />
      {children}
    </div>
  );
}
