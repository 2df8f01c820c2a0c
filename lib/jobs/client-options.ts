// The Inngest client's options for the configured engine. Functions never see these: they get the
// same client and step tools on every engine.
//   inngest-cloud  event key + signing key; the SDK talks to Inngest Cloud.
//   inngest-dev    INNGEST_DEV=1 (+ INNGEST_BASE_URL): a developer's own Inngest dev server.
//   local          events go to the embedded executor through the client's `fetch` (no network);
//                  requests to /api/inngest are signed with a per-process key, like Cloud does.
import type { ClientOptions } from "inngest";
import { env } from "@/lib/env";
import { jobsDriver } from "./config";
import { LOCAL_INNGEST_ORIGIN, localInngestFetch } from "./local-api";
import { inngestLogger } from "./logger";
import { localSigningKey } from "./signing";

export type EngineClientOptions = Pick<
  ClientOptions,
  "isDev" | "baseUrl" | "eventKey" | "signingKey" | "fetch" | "logger"
>;

export function inngestClientOptions(): EngineClientOptions {
  const logger = inngestLogger;
  switch (jobsDriver()) {
    case "inngest-cloud":
      return { isDev: false, eventKey: env.INNGEST_EVENT_KEY, signingKey: env.INNGEST_SIGNING_KEY, logger };
    case "inngest-dev":
      return { isDev: true, baseUrl: env.INNGEST_BASE_URL, eventKey: env.INNGEST_EVENT_KEY, logger };
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
