// Starts the preview gateway with the studio (lib/embedded/start.ts) when previews run on the
// local sandbox driver, plus the loop that only makes sense where the dev servers live: the
// monitor (provider status → PreviewSession rows and realtime). Idle previews are paused by the
// `pause-idle-previews` Inngest function on every driver (on one machine the embedded local
// executor runs its cron), so there is no second sweeper on a timer here; the local provider's
// own sweep still stops idle dev servers within the minute, and this monitor reports it.
// Deliberately no "server-only": instrumentation.ts loads this outside the react-server layer.
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { localDevServerEndpoint } from "@/lib/sandbox/local-endpoint";
import type { SandboxProvider } from "@/lib/sandbox/types";
import { reconcileOpenSessions } from "../monitor";
import { getPreviewProvider } from "../provider";
import { touchSession } from "../queries";
import { cachedSession, forgetCachedSession } from "../registry";
import { startOrResumePreview } from "../start-preview";
import { studioOrigin } from "../urls";
import { type GatewayLookup, type GatewayUpstream, type PreviewGateway, startPreviewGateway } from "./server";

const MONITOR_INTERVAL_MS = 1_000;

const globalForGateway = globalThis as unknown as {
  pagecraftPreviewGateway?: Promise<PreviewGateway | null>;
  pagecraftPreviewTimers?: NodeJS.Timeout[];
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
  const endpoint = await devServerEndpoint(session.sandboxId);
  if (endpoint) return { kind: "ok", upstream: endpoint };
  if (session.status === "error") {
    return {
      kind: "unavailable",
      message: session.error ?? "The preview stopped working. Reload it from the studio.",
    };
  }
  return { kind: "starting" };
}

/**
 * The dev server's address. Next bundles instrumentation apart from the routes, so the provider
 * this process holds (on globalThis) may be an instance of the other bundle's class, which an
 * `instanceof` check inside localDevServerEndpoint does not recognise: ask the provider itself then.
 */
async function devServerEndpoint(sandboxId: string): Promise<GatewayUpstream | null> {
  const found = await localDevServerEndpoint(sandboxId);
  if (found) return found;
  const provider = (await getPreviewProvider()) as SandboxProvider & {
    endpoint?: (id: string) => GatewayUpstream | null;
  };
  return typeof provider.endpoint === "function" ? provider.endpoint(sandboxId) : null;
}

const resuming = new Set<string>();

async function resumeFromGateway(projectId: string): Promise<void> {
  if (resuming.has(projectId)) return;
  resuming.add(projectId);
  try {
    await resume(projectId);
  } finally {
    resuming.delete(projectId);
  }
}

async function resume(projectId: string): Promise<void> {
  const { getDb } = await import("@/lib/db/client");
  const project = await getDb().project.findUnique({
    where: { id: projectId },
    select: { workspaceId: true },
  });
  if (!project) return;
  await startOrResumePreview({ workspaceId: project.workspaceId, projectId }).catch((error) =>
    log.warn("preview could not be resumed from the gateway", { projectId, error }),
  );
}

const lastViewWrite = new Map<string, number>();

function onView(previewId: string): void {
  const now = Date.now();
  if (now - (lastViewWrite.get(previewId) ?? 0) < 30_000) return;
  lastViewWrite.set(previewId, now);
  void touchSession(previewId).catch(() => undefined);
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

export async function startEmbeddedPreviewGateway(): Promise<void> {
  if ((await getPreviewProvider()).driver !== "local") return;
  globalForGateway.pagecraftPreviewGateway ??= startPreviewGateway({
    port: env.PREVIEW_PORT,
    studioOrigin: studioOrigin(),
    lookup: lookupPreview,
    onView,
    onUpstreamError: (previewId) => {
      forgetCachedSession(previewId);
      void reconcileSoon();
    },
  }).then(
    (gateway) => {
      log.info("preview gateway listening", { url: `http://*.preview.localhost:${gateway.port}` });
      globalForGateway.pagecraftPreviewTimers = [
        setInterval(() => void reconcileSoon(), MONITOR_INTERVAL_MS),
      ];
      for (const timer of globalForGateway.pagecraftPreviewTimers) timer.unref();
      return gateway;
    },
    (error: NodeJS.ErrnoException) => {
      log.error("preview gateway could not start", {
        port: env.PREVIEW_PORT,
        hint: error.code === "EADDRINUSE" ? "The port is taken: set PREVIEW_PORT to a free one." : undefined,
        error,
      });
      return null;
    },
  );
  await globalForGateway.pagecraftPreviewGateway;
}
