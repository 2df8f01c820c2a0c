// The `pusher` driver: Pusher Channels (by cluster) or any Pusher-protocol server (by host and
// port) — including our embedded one, which is why the embedded driver is this one re-labelled.
// Deliberately no "server-only": scripts (the seed) reach this through lib/projects.
import Pusher from "pusher";
import { AppError } from "@/lib/errors";
import { MAX_BATCH_EVENTS, type OutgoingEvent, type PresenceMember, type RealtimeServer } from "./types";

export interface PusherDriverOptions {
  appId: string;
  key: string;
  secret: string;
  cluster?: string;
  host?: string;
  port?: number;
  useTLS: boolean;
  /** How long one HTTP call to the realtime server may take, in ms. */
  timeoutMs?: number;
  driver?: RealtimeServer["driver"];
}

/** Turns the client's RequestError (status + body) into one error we can log and show. */
async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const status = (error as { status?: number }).status;
    const body = (error as { body?: string }).body;
    throw new AppError(
      status === 413 ? "payload_too_large:realtime" : "unavailable:realtime",
      status === 413 ? "The realtime event is too large." : "The realtime server did not accept the event.",
      {
        cause: error,
        details: {
          operation: what,
          ...(status ? { status } : {}),
          ...(body ? { reason: body.slice(0, 200) } : {}),
        },
      },
    );
  }
}

export function createPusherRealtime(options: PusherDriverOptions): RealtimeServer {
  const base = {
    appId: options.appId,
    key: options.key,
    secret: options.secret,
    useTLS: options.useTLS,
    timeout: options.timeoutMs ?? 5000,
  };
  const client = options.host
    ? new Pusher({ ...base, host: options.host, ...(options.port ? { port: String(options.port) } : {}) })
    : new Pusher({ ...base, cluster: options.cluster ?? "mt1" });

  return {
    driver: options.driver ?? "pusher",
    async publish(channel, event, data) {
      // The client would JSON-encode an object; a string goes out as the event's data verbatim.
      await call("trigger", () => client.trigger(channel, event, data));
    },
    async publishBatch(events: OutgoingEvent[]) {
      for (let i = 0; i < events.length; i += MAX_BATCH_EVENTS) {
        const chunk = events
          .slice(i, i + MAX_BATCH_EVENTS)
          .map((e) => ({ channel: e.channel, name: e.event, data: e.data }));
        await call("triggerBatch", () => client.triggerBatch(chunk));
      }
    },
    authorizeChannel(socketId: string, channel: string, presence?: PresenceMember) {
      const auth = client.authorizeChannel(socketId, channel, presence);
      return { auth: auth.auth, ...(auth.channel_data ? { channel_data: auth.channel_data } : {}) };
    },
    async ping() {
      await call("channels", () => client.get({ path: "/channels" }));
    },
  };
}
