// The Inngest client's options for the configured engine. Functions never see these: they get the
// same client and step tools on every engine.
//   inngest-cloud  event key + signing key; the SDK talks to Inngest Cloud.
//   inngest-dev    INNGEST_DEV=1 (+ INNGEST_BASE_URL): a developer's own Inngest dev server.
//                  Both record their runs for the jobs view through the run mirror middleware.
//   local          events go to the embedded executor through the client's `fetch` (no network);
//                  requests to /api/inngest are signed with a per-process key, like Cloud does.
//                  No mirror: the executor keeps the runs itself (a second writer would double-count).
import type { ClientOptions } from "inngest";
import { env } from "@/lib/env";
import { jobsDriver } from "./config";
import { LOCAL_INNGEST_ORIGIN, localInngestFetch } from "./local-api";
import { inngestLogger } from "./logger";
import { runMirrorMiddleware } from "./run-mirror";
import { localSigningKey } from "./signing";

export type EngineClientOptions = Pick<
  ClientOptions,
  "isDev" | "baseUrl" | "eventKey" | "signingKey" | "fetch" | "logger" | "middleware"
>;

export function inngestClientOptions(): EngineClientOptions {
  const logger = inngestLogger;
  switch (jobsDriver()) {
    case "inngest-cloud":
      return {
        isDev: false,
        eventKey: env.INNGEST_EVENT_KEY,
        signingKey: env.INNGEST_SIGNING_KEY,
        logger,
        middleware: [runMirrorMiddleware("inngest-cloud")],
      };
    case "inngest-dev":
      return {
        isDev: true,
        baseUrl: env.INNGEST_BASE_URL,
        eventKey: env.INNGEST_EVENT_KEY,
        logger,
        middleware: [runMirrorMiddleware("inngest-dev")],
      };
    case "local":
      return {
        isDev: false,
        baseUrl: LOCAL_INNGEST_ORIGIN,
        eventKey: "local",
        signingKey: localSigningKey(),
        fetch: localInngestFetch,
        logger,
      };
  }
}
