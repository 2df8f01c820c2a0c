// Starts the embedded default of every vendor that needs a running service, inside the Next.js
// server process (the embedded database has one writer, so they share this process). Each
// start function does nothing when its production driver is configured, and is idempotent.
import { log } from "@/lib/log";
import { startEmbeddedRealtime } from "@/lib/realtime/embedded";

type Starter = { name: string; start: () => Promise<void> };

const starters: Starter[] = [
  { name: "realtime", start: startEmbeddedRealtime },
  // The local executor drives the app's own Inngest serve handler, so its starter lives beside
  // the functions (inngest/local.ts); loaded lazily so scripts importing this stay light.
  { name: "jobs", start: () => import("@/inngest/local").then((m) => m.startLocalJobs()) },
  // Serves every preview (local or E2B) from its own origin on PREVIEW_PORT; not on Vercel, where
  // `npm run preview:gateway` runs it on a Node host instead.
  {
    name: "preview gateway",
    start: () => import("@/lib/preview/gateway/start").then((m) => m.startEmbeddedPreviewGateway()),
  },
];

const globalForEmbedded = globalThis as unknown as { pagecraftEmbeddedStarted?: Promise<void> };

export function startEmbeddedServices(): Promise<void> {
  globalForEmbedded.pagecraftEmbeddedStarted ??= (async () => {
    for (const { name, start } of starters) {
      try {
        await start();
      } catch (error) {
        log.error(`embedded ${name} failed to start`, { error });
      }
    }
  })();
  return globalForEmbedded.pagecraftEmbeddedStarted;
}
