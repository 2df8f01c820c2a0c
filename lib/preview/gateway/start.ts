// Starts the preview gateway, on every sandbox driver: with the studio wherever it runs as a Node
// server (`npm run dev`, `npm start`: lib/embedded/start.ts), or on its own
// (`npm run preview:gateway`, scripts/preview-gateway.ts) where the studio runs on Vercel, whose
// functions cannot hold a listening server or a websocket. Either way it finds a preview's dev
// server through the PreviewSession row and the provider's `upstream`, whatever the driver.
//
// On the local driver it also runs the loop that only makes sense where the dev servers live: the
// monitor (provider status → PreviewSession rows and realtime). Idle previews are paused by the
// `pause-idle-previews` Inngest function on every driver (on one machine the embedded local
// executor runs its cron), so there is no second sweeper on a timer here; the local provider's
// own sweep still stops idle dev servers within the minute, and this monitor reports it.
// Deliberately no "server-only": instrumentation.ts loads this outside the react-server layer.
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { reconcileOpenSessions } from "../monitor";
import { getPreviewProvider, keepSandboxAlive } from "../provider";
import { findProjectWorkspaceId, touchSession } from "../queries";
import { cachedSession, forgetCachedSession } from "../registry";
import { startOrResumePreview } from "../start-preview";
import { gatewayOriginPattern, studioOrigin } from "../urls";
import { type GatewayLookup, type PreviewGateway, startPreviewGateway } from "./server";

const MONITOR_INTERVAL_MS = 1_000;

const globalForGateway = globalThis as unknown as {
  pagecraftPreviewGateway?: Promise<PreviewGateway | null>;
};

/** previewId → how to reach its dev server right now. */
export async function lookupPreview(previewId: string): Promise<GatewayLookup> {
  const session = await cachedSession(previewId);
  if (!session || session.status === "stopped") return { kind: "not_found" };
  if (session.status === "paused") {
    // Someone opened a paused preview directly (a new tab): resume it, the page refreshes itself.
    void resumeFromGateway(session.projectId);
    return { kind: "starting", message: "Resuming the preview…" };
  }
  const provider = await getPreviewProvider();
  const upstream = await provider.upstream(session.sandboxId).catch((error: unknown) => {
    log.warn("preview upstream lookup failed", { previewId, error });
    return null;
  });
  // A remote dev server's address is known before it listens (its proxy would answer with an error
  // page of its own): wait for the session to be ready. A local one is known only once it listens.
  if (upstream && !(upstream.kind === "remote" && session.status === "booting"))
    return { kind: "ok", upstream };
  if (session.status === "error") {
    return {
      kind: "unavailable",
      message: session.error ?? "The preview stopped working. Reload it from the studio.",
    };
  }
  return { kind: "starting" };
}

const resuming = new Set<string>();

async function resumeFromGateway(projectId: string): Promise<void> {
  if (resuming.has(projectId)) return;
  resuming.add(projectId);
  try {
    const workspaceId = await findProjectWorkspaceId(projectId);
    if (workspaceId) await startOrResumePreview({ workspaceId, projectId });
  } catch (error) {
    log.warn("preview could not be resumed from the gateway", { projectId, error });
  } finally {
    resuming.delete(projectId);
  }
}

const lastViewWrite = new Map<string, number>();

/** Someone is looking (a page or its HMR socket): the preview is not idle. At most every 30 s. */
function onView(previewId: string): void {
  const now = Date.now();
  if (now - (lastViewWrite.get(previewId) ?? 0) < 30_000) return;
  lastViewWrite.set(previewId, now);
  void touchSession(previewId).catch(() => undefined);
  // A preview open in a tab of its own has no editor heartbeat: extend the sandbox's life here.
  void (async () => {
    const session = await cachedSession(previewId);
    if (session) await keepSandboxAlive(session.sandboxId);
  })().catch(() => undefined);
}

let reconciling = false;
async function reconcileSoon(): Promise<void> {
  if (reconciling) return;
  reconciling = true;
  try {
    await reconcileOpenSessions();
  } catch (error) {
    log.debug("preview monitor pass failed", { error });
  } finally {
    reconciling = false;
  }
}

export interface PreviewGatewayServiceOptions {
  port?: number;
  host?: string;
  /** Run the local driver's status monitor beside it (only where the dev servers live). */
  monitor?: boolean;
}

/**
 * Starts the gateway on PREVIEW_PORT with the session lookup, once per process; null when it could
 * not listen (logged, with a hint when the port is taken).
 */
export function startPreviewGatewayService(
  options: PreviewGatewayServiceOptions = {},
): Promise<PreviewGateway | null> {
  const port = options.port ?? env.PREVIEW_PORT;
  const host = options.host ?? env.PREVIEW_LISTEN_HOST;
  globalForGateway.pagecraftPreviewGateway ??= startPreviewGateway({
    port,
    host,
    studioOrigin: studioOrigin(),
    lookup: lookupPreview,
    onView,
    onUpstreamError: (previewId, error, upstream) => {
      forgetCachedSession(previewId);
      if (options.monitor) void reconcileSoon();
      if (upstream.kind === "remote")
        log.warn("preview upstream did not answer", { previewId, error: error.message });
    },
  }).then(
    (gateway) => {
      log.info("preview gateway listening", {
        url: gatewayOriginPattern(),
        listen: `${gateway.host}:${gateway.port}`,
      });
      if (options.monitor) setInterval(() => void reconcileSoon(), MONITOR_INTERVAL_MS).unref();
      return gateway;
    },
    (error: NodeJS.ErrnoException) => {
      log.error("preview gateway could not start", {
        port,
        hint: error.code === "EADDRINUSE" ? "The port is taken: set PREVIEW_PORT to a free one." : undefined,
        error,
      });
      return null;
    },
  );
  return globalForGateway.pagecraftPreviewGateway;
}

/** With the studio's Node server, on every driver; not in Vercel's functions (see above). */
export async function startEmbeddedPreviewGateway(): Promise<void> {
  if (env.VERCEL) return;
  const provider = await getPreviewProvider();
  await startPreviewGatewayService({ monitor: provider.driver === "local" });
}
