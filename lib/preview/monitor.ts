// Keeps PreviewSession rows in line with what the provider reports, for the local driver where
// the studio process owns the dev servers: a dev server that crashed and was restarted by the
// provider shows as booting, then ready with `restarted: true` — or, when the restart was quicker
// than one look, as ready with a newer `since`, which is announced the same way.
import type { SandboxInfo, SandboxStatus } from "@/lib/sandbox/types";
import { getPreviewProvider } from "./provider";
import { listOpenSessions, type PreviewSessionRow } from "./queries";
import { transitionSession } from "./status";

interface Seen {
  status: SandboxStatus;
  since: string;
  restarting: boolean;
}

const globalForMonitor = globalThis as unknown as { pagecraftPreviewSeen?: Map<string, Seen> };
const seenMap = () => {
  globalForMonitor.pagecraftPreviewSeen ??= new Map();
  return globalForMonitor.pagecraftPreviewSeen;
};

/** One look at every open preview. */
export async function reconcileOpenSessions(): Promise<void> {
  const sessions = await listOpenSessions();
  if (!sessions.length) return;
  const provider = await getPreviewProvider();
  const infos = new Map((await provider.list()).map((info) => [info.id, info]));
  for (const session of sessions) {
    const info = infos.get(session.sandboxId) ?? (await provider.status(session.sandboxId).catch(() => null));
    await reconcileSession(session, info);
  }
}

async function reconcileSession(session: PreviewSessionRow, info: SandboxInfo | null): Promise<void> {
  const seen = seenMap();
  const before = seen.get(session.sandboxId);
  if (!info || info.status === "stopped") {
    seen.delete(session.sandboxId);
    await transitionSession(session, "stopped");
    return;
  }
  const restarting =
    (before?.restarting ?? false) ||
    (session.status === "ready" && (info.status === "booting" || info.status === "error"));
  seen.set(session.sandboxId, {
    status: info.status,
    since: info.since,
    restarting: info.status === "ready" ? false : restarting,
  });

  if (info.status === "ready") {
    const quickRestart =
      session.status === "ready" && before?.status === "ready" && before.since !== info.since;
    if (session.status !== "ready" || quickRestart) {
      await transitionSession(session, "ready", { restarted: restarting || quickRestart });
    }
    return;
  }
  if (info.status !== session.status) {
    await transitionSession(session, info.status, { error: info.error });
  }
}
