// The embedded realtime server's app credentials, defined only here. The key is public (the
// browser sends it); the secret signs subscriptions and API calls, so it is derived from
// AUTH_SECRET when one is set and is a development value otherwise.
// Deliberately no "server-only": scripts (the seed) reach this through lib/projects.
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

const DEV_SECRET = "pagecraft-embedded-realtime-development-secret";

export const embeddedRealtimeApp = {
  appId: "pagecraft",
  key: "pagecraft-embedded",
  secret: env.AUTH_SECRET
    ? createHmac("sha256", env.AUTH_SECRET).update("pagecraft:embedded-realtime").digest("hex")
    : DEV_SECRET,
  host: "127.0.0.1",
  port: env.REALTIME_PORT,
} as const;

/** Pusher is used when its three credentials are set; otherwise the embedded server. */
export const pusherConfigured = Boolean(env.PUSHER_APP_ID && env.PUSHER_KEY && env.PUSHER_SECRET);
