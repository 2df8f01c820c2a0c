// The realtime contract: the embedded Pusher-protocol server, driven by the real `pusher-js`
// client (WebSocket) and the real `pusher` server client (signed HTTP API). The publish/subscribe
// cases run once per driver configuration; the protocol edge cases run against the server.
import { randomBytes } from "node:crypto";
import PusherClient, { type Channel, type Members, type PresenceChannel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { signUp } from "@/lib/auth/sign-up";
import { isAppError } from "@/lib/errors";
import { createProject } from "@/lib/projects/create-project";
import { authorizeSubscription } from "@/lib/realtime/authorize-subscription";
import { projectChannel, projectPresenceChannel, workspaceChannel } from "@/lib/realtime/channels";
import { assertEventFits, publishEvent, publishEvents, type RealtimeEnvelope } from "@/lib/realtime/events";
import { setRealtime } from "@/lib/realtime/index";
import { createPusherRealtime } from "@/lib/realtime/pusher";
import { type PusherProtocolServer, startPusherProtocolServer } from "@/lib/realtime/server/server";
import { apiRequestProblem } from "@/lib/realtime/server/signing";
import { type ChannelAuth, MAX_EVENT_BYTES, type RealtimeServer } from "@/lib/realtime/types";
import { resolveWorkspace } from "@/lib/workspaces/queries";
import { setupTestApp } from "./helpers/app";

const rand = () => randomBytes(6).toString("hex");
const newApp = () => ({ appId: `app${rand()}`, key: `key${rand()}`, secret: rand() + rand() });

/** Resolves with the first call of `bind(callback)`, or fails after `ms`. */
function next<T = unknown>(
  bind: (callback: (value: T) => void) => void,
  what: string,
  ms = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    bind((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

const clients: PusherClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

async function connect(
  port: number,
  key: string,
  authorize: (socketId: string, channel: string) => ChannelAuth | Promise<ChannelAuth>,
): Promise<PusherClient> {
  const client = new PusherClient(key, {
    cluster: "contract",
    wsHost: "127.0.0.1",
    wsPort: port,
    forceTLS: false,
    enabledTransports: ["ws"],
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        Promise.resolve()
          .then(() => authorize(socketId, channelName))
          .then(
            (auth) => callback(null, auth),
            (error: Error) => callback(error, null),
          );
      },
    },
  });
  clients.push(client);
  await next((cb) => client.connection.bind("connected", cb), "connected");
  return client;
}

function subscribe(client: PusherClient, name: string): Promise<Channel> {
  const channel = client.subscribe(name);
  return next(
    (cb) => channel.bind("pusher:subscription_succeeded", () => cb(channel)),
    `subscribed to ${name}`,
  );
}

const drivers = [
  [
    "embedded",
    (app: ReturnType<typeof newApp>, port: number) =>
      createPusherRealtime({ ...app, host: "127.0.0.1", port, useTLS: false, driver: "embedded" }),
  ],
  [
    "pusher",
    (app: ReturnType<typeof newApp>, port: number) =>
      createPusherRealtime({ ...app, host: "127.0.0.1", port, useTLS: false }),
  ],
] as const;

describe.each(drivers)("realtime contract: %s driver", (driverName, create) => {
  const app = newApp();
  let server: PusherProtocolServer;
  let realtime: RealtimeServer;
  const authorize = (socketId: string, channel: string) =>
    realtime.authorizeChannel(
      socketId,
      channel,
      channel.startsWith("presence-") ? { user_id: "u1", user_info: { name: "Ann" } } : undefined,
    );

  beforeAll(async () => {
    server = await startPusherProtocolServer({ ...app, port: 0 });
    realtime = create(app, server.port);
    setRealtime(realtime);
  });
  afterAll(async () => {
    setRealtime(undefined);
    await server.close();
  });

  it("names its driver and answers ping", async () => {
    expect(realtime.driver).toBe(driverName);
    await expect(realtime.ping()).resolves.toBeUndefined();
  });

  it("delivers published events to a private channel's subscriber, numbered per channel", async () => {
    const client = await connect(server.port, app.key, authorize);
    const name = workspaceChannel(rand());
    const channel = await subscribe(client, name);
    const received: RealtimeEnvelope[] = [];
    channel.bind("project.created", (envelope: RealtimeEnvelope) => received.push(envelope));

    await publishEvent(name, "project.created", { projectId: "p1", name: "One", actorId: null });
    await publishEvent(name, "project.created", { projectId: "p2", name: "Two", actorId: "u1" });
    await expect.poll(() => received.length).toBe(2);
    expect(received[0].data).toEqual({ projectId: "p1", name: "One", actorId: null });
    expect(received[1].seq).toBe(received[0].seq + 1);
    expect(typeof received[0].at).toBe("string");
  });

  it("publishes a batch across channels, each with its own sequence", async () => {
    const client = await connect(server.port, app.key, authorize);
    const [a, b] = [workspaceChannel(rand()), projectChannel(rand())];
    const got: Array<[string, RealtimeEnvelope]> = [];
    for (const name of [a, b]) {
      (await subscribe(client, name)).bind("project.updated", (e: RealtimeEnvelope) => got.push([name, e]));
    }
    await publishEvents([
      { channel: a, name: "project.updated", payload: { projectId: "p", name: "N", actorId: null } },
      { channel: b, name: "project.updated", payload: { projectId: "p", name: "N", actorId: null } },
    ]);
    await expect.poll(() => got.length).toBe(2);
    expect(got.map(([, e]) => e.seq)).toEqual([1, 1]);
  });

  it("refuses a subscription whose signature is wrong", async () => {
    const client = await connect(server.port, app.key, (socketId, channel) => {
      const good = realtime.authorizeChannel(socketId, channel);
      return { auth: `${good.auth.slice(0, -4)}0000` };
    });
    const channel = client.subscribe(workspaceChannel(rand()));
    const error = await next<{ status: number }>(
      (cb) => channel.bind("pusher:subscription_error", cb),
      "subscription error",
    );
    expect(error.status).toBe(401);
    expect(channel.subscribed).toBe(false);
  });

  it("refuses a signature made for another socket", async () => {
    const other = await connect(server.port, app.key, authorize);
    const client = await connect(server.port, app.key, (_socketId, channel) =>
      realtime.authorizeChannel(other.connection.socket_id, channel),
    );
    const channel = client.subscribe(workspaceChannel(rand()));
    const error = await next<{ status: number }>(
      (cb) => channel.bind("pusher:subscription_error", cb),
      "subscription error",
    );
    expect(error.status).toBe(401);
  });

  it("tracks presence: members on join, member_added and member_removed", async () => {
    const name = projectPresenceChannel(rand());
    const as = (userId: string, userName: string) => (socketId: string, channel: string) =>
      realtime.authorizeChannel(socketId, channel, { user_id: userId, user_info: { name: userName } });
    const ann = await connect(server.port, app.key, as("ann", "Ann"));
    const annChannel = (await subscribe(ann, name)) as PresenceChannel;
    expect(annChannel.members.count).toBe(1);
    expect(annChannel.members.me).toEqual({ id: "ann", info: { name: "Ann" } });

    const added = next<{ id: string; info: unknown }>(
      (cb) => annChannel.bind("pusher:member_added", cb),
      "member_added",
    );
    const bob = await connect(server.port, app.key, as("bob", "Bob"));
    const bobChannel = bob.subscribe(name) as PresenceChannel;
    const members = await next<Members>(
      (cb) => bobChannel.bind("pusher:subscription_succeeded", cb),
      "bob subscribed",
    );
    expect(members.count).toBe(2);
    expect(members.get("ann")).toEqual({ id: "ann", info: { name: "Ann" } });
    expect(await added).toEqual({ id: "bob", info: { name: "Bob" } });

    // A second tab of the same person is not a new member.
    let extraAdds = 0;
    annChannel.bind("pusher:member_added", () => extraAdds++);
    const bob2 = await connect(server.port, app.key, as("bob", "Bob"));
    await subscribe(bob2, name);

    const removed = next<{ id: string }>(
      (cb) => annChannel.bind("pusher:member_removed", cb),
      "member_removed",
    );
    bob2.disconnect();
    bob.unsubscribe(name);
    expect((await removed).id).toBe("bob");
    expect(extraAdds).toBe(0);
    expect(annChannel.members.count).toBe(1);
  });

  it("refuses an event over 10 KB, before and at the server", async () => {
    const client = await connect(server.port, app.key, authorize);
    const name = workspaceChannel(rand());
    const channel = await subscribe(client, name);
    const sizes: number[] = [];
    channel.bind("job.progress", (data: unknown) => sizes.push(JSON.stringify(data).length));

    const huge = { projectId: "p", name: "x".repeat(11 * 1024) };
    expect(() => assertEventFits("project.created", huge)).toThrow(
      expect.objectContaining({ code: "payload_too_large:realtime" }),
    );
    const atLimit = JSON.stringify({ x: "y".repeat(MAX_EVENT_BYTES - 8) });
    expect(atLimit.length).toBe(MAX_EVENT_BYTES);
    const over = JSON.stringify({ x: "y".repeat(MAX_EVENT_BYTES) });
    await expect(realtime.publish(name, "job.progress", over)).rejects.toMatchObject({
      code: "payload_too_large:realtime",
    });
    await expect(
      realtime.publishBatch([{ channel: name, event: "job.progress", data: over }]),
    ).rejects.toMatchObject({
      code: "payload_too_large:realtime",
    });
    await realtime.publish(name, "job.progress", atLimit);
    await expect.poll(() => sizes).toEqual([MAX_EVENT_BYTES]);
  });

  it("refuses HTTP API calls signed with the wrong secret", async () => {
    const client = await connect(server.port, app.key, authorize);
    const name = workspaceChannel(rand());
    const channel = await subscribe(client, name);
    let delivered = 0;
    channel.bind("project.deleted", () => delivered++);

    const forger = createPusherRealtime({
      ...app,
      secret: "not-the-secret",
      host: "127.0.0.1",
      port: server.port,
      useTLS: false,
    });
    const error = await forger.publish(name, "project.deleted", "{}").catch((e: unknown) => e);
    expect(isAppError(error) && error.details?.status).toBe(401);

    const wrongKey = createPusherRealtime({
      ...app,
      key: "other",
      host: "127.0.0.1",
      port: server.port,
      useTLS: false,
    });
    await expect(wrongKey.publish(name, "project.deleted", "{}")).rejects.toMatchObject({
      code: "unavailable:realtime",
    });

    await realtime.publish(name, "project.deleted", "{}");
    await expect.poll(() => delivered).toBe(1);
  });
});

describe("embedded server: protocol edges", () => {
  const app = newApp();
  let server: PusherProtocolServer;
  const url = () => `ws://127.0.0.1:${server.port}/app/${app.key}?protocol=7`;

  beforeAll(async () => {
    server = await startPusherProtocolServer({
      ...app,
      port: 0,
      limits: { activityTimeoutSeconds: 1, pongTimeoutSeconds: 1 },
    });
  });
  afterAll(() => server.close());

  /** A raw socket, collecting decoded frames. */
  async function raw(target = url()) {
    const ws = new WebSocket(target);
    const frames: Array<{ event: string; channel?: string; data: unknown }> = [];
    const closed = new Promise<{ code: number }>((resolve) => ws.on("close", (code) => resolve({ code })));
    ws.on("message", (data) => {
      const frame = JSON.parse(data.toString());
      frames.push({ ...frame, data: typeof frame.data === "string" ? JSON.parse(frame.data) : frame.data });
    });
    ws.on("error", () => {});
    await expect.poll(() => frames.length > 0 || ws.readyState === ws.CLOSED).toBe(true);
    return { ws, frames, closed };
  }

  it("greets with a socket id and activity timeout, and answers ping", async () => {
    const { ws, frames } = await raw();
    expect(frames[0].event).toBe("pusher:connection_established");
    expect(frames[0].data).toMatchObject({
      socket_id: expect.stringMatching(/^\d+\.\d+$/),
      activity_timeout: 1,
    });
    ws.send(JSON.stringify({ event: "pusher:ping", data: {} }));
    await expect.poll(() => frames.some((f) => f.event === "pusher:pong")).toBe(true);
    ws.close();
  });

  it("refuses an unknown app key with 4001", async () => {
    const { closed, frames } = await raw(`ws://127.0.0.1:${server.port}/app/nope?protocol=7`);
    expect((await closed).code).toBe(4001);
    expect(frames[0]).toMatchObject({ event: "pusher:error", data: { code: 4001 } });
  });

  it("survives malformed frames and refuses client events", async () => {
    const { ws, frames } = await raw();
    ws.send("not json");
    ws.send(JSON.stringify({ nope: true }));
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "bad name!" } }));
    ws.send(JSON.stringify({ event: "pusher:subscribe", data: "{not json" }));
    ws.send(JSON.stringify({ event: "client-typing", channel: "private-x", data: {} }));
    await expect.poll(() => frames.filter((f) => f.event.includes("error")).length).toBe(6);
    expect(frames.at(-1)).toMatchObject({ event: "pusher:error", data: { code: 4301 } });
    // Still serving: a public channel subscription succeeds on the same socket.
    ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "public-ok" } }));
    await expect
      .poll(() => frames.some((f) => f.event === "pusher_internal:subscription_succeeded"))
      .toBe(true);
    ws.close();
  });

  it("closes a socket that sends an oversized frame, and keeps serving others", async () => {
    const { ws, closed } = await raw();
    ws.send(JSON.stringify({ event: "pusher:ping", data: "x".repeat(64 * 1024) }));
    expect((await closed).code).toBe(1009);
    const again = await raw();
    expect(again.frames[0].event).toBe("pusher:connection_established");
    again.ws.close();
  });

  it("pings an idle socket and closes it when no pong comes", async () => {
    const { frames, closed } = await raw();
    const { code } = await closed;
    expect(frames.some((f) => f.event === "pusher:ping")).toBe(true);
    expect(code).toBe(4201);
  });

  it("checks HTTP API timestamps and body digests", async () => {
    const body = Buffer.from('{"name":"e","channel":"c","data":"{}"}');
    const query = new URLSearchParams({
      auth_key: app.key,
      auth_timestamp: "1000",
      auth_version: "1.0",
      auth_signature: "x",
    });
    expect(
      apiRequestProblem(app, { method: "POST", path: `/apps/${app.appId}/events`, query, body }),
    ).toMatch(/Timestamp/);
    query.set("auth_timestamp", String(Math.floor(Date.now() / 1000)));
    query.set("body_md5", "0".repeat(32));
    expect(
      apiRequestProblem(app, { method: "POST", path: `/apps/${app.appId}/events`, query, body }),
    ).toMatch(/body_md5/);
    const response = await fetch(`http://127.0.0.1:${server.port}/apps/${app.appId}/events?${query}`, {
      method: "POST",
      body,
    });
    expect(response.status).toBe(401);
  });
});

describe("subscription rules (POST /api/realtime/auth)", () => {
  let testApp: Awaited<ReturnType<typeof setupTestApp>>;
  const app = newApp();
  let server: PusherProtocolServer;
  let ann: { id: string; name: string; email: string; workspaceId: string };
  let bob: typeof ann;
  let annProjectId: string;

  async function newUser(email: string, name: string) {
    const user = await signUp({ email, password: "correct horse battery", name });
    return { id: user.id, name, email, workspaceId: (await resolveWorkspace(testApp.db, user.id)).id };
  }

  beforeAll(async () => {
    testApp = await setupTestApp();
    server = await startPusherProtocolServer({ ...app, port: 0 });
    setRealtime(
      createPusherRealtime({
        ...app,
        host: "127.0.0.1",
        port: server.port,
        useTLS: false,
        driver: "embedded",
      }),
    );
    ann = await newUser("ann@example.com", "Ann Lee");
    bob = await newUser("bob@example.com", "Bob");
    annProjectId = (
      await createProject({ workspaceId: ann.workspaceId, userId: ann.id, name: "Site", templateId: "blank" })
    ).id;
  });
  afterAll(async () => {
    setRealtime(undefined);
    await server.close();
    await testApp.teardown();
  });

  const sign = (user: typeof ann, channel: string, socketId = "1.2") =>
    authorizeSubscription({ user, request: { socket_id: socketId, channel_name: channel } });

  it("signs members' workspace and project channels, refuses others with 404", async () => {
    await expect(sign(ann, workspaceChannel(ann.workspaceId))).resolves.toMatchObject({
      auth: expect.stringContaining(":"),
    });
    await expect(sign(ann, projectChannel(annProjectId))).resolves.toBeTruthy();
    await expect(sign(bob, workspaceChannel(ann.workspaceId))).rejects.toMatchObject({ status: 404 });
    await expect(sign(bob, projectChannel(annProjectId))).rejects.toMatchObject({ status: 404 });
    await expect(sign(bob, projectPresenceChannel(annProjectId))).rejects.toMatchObject({ status: 404 });
  });

  it("refuses channels the studio does not use with 403", async () => {
    await expect(sign(ann, "private-something-else")).rejects.toMatchObject({ status: 403 });
    await expect(sign(ann, "public-channel")).rejects.toMatchObject({ status: 403 });
  });

  it("gives presence an id, a name and initials but never the email", async () => {
    const auth = await sign(ann, projectPresenceChannel(annProjectId));
    const data = JSON.parse(auth.channel_data ?? "{}");
    expect(data).toMatchObject({ user_id: ann.id, user_info: { name: "Ann Lee", initials: "AL" } });
    expect(auth.channel_data).not.toContain("ann@example.com");
  });

  it("publishes project changes to the workspace channel after they commit", async () => {
    // The same signing the route does, for the socket pusher-js actually opened.
    const client = await connect(server.port, app.key, (socketId, channel) => sign(ann, channel, socketId));
    const name = workspaceChannel(ann.workspaceId);
    const channel = await subscribe(client, name);
    const created = next<RealtimeEnvelope<{ name: string }>>(
      (cb) => channel.bind("project.created", cb),
      "project.created",
    );
    await createProject({ workspaceId: ann.workspaceId, userId: ann.id, name: "Live", templateId: "blank" });
    expect((await created).data.name).toBe("Live");
  });
});
