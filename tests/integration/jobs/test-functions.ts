// Inngest functions built for the executor tests: each counts how often each step body runs.
import { Inngest, NonRetriableError } from "inngest";
import { serve } from "inngest/next";
import { inngestClientOptions } from "@/lib/jobs/client-options";
import type { ServeHandler } from "@/lib/jobs/types";

export function createTestApp() {
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const attemptTimes: number[] = [];
  const gates = new Map<
    string,
    { promise: Promise<void>; open: () => void; entered: Promise<void>; enter: () => void }
  >();
  const gate = (name: string) => {
    let g = gates.get(name);
    if (!g) {
      let open!: () => void;
      let enter!: () => void;
      const promise = new Promise<void>((r) => {
        open = r;
      });
      const entered = new Promise<void>((r) => {
        enter = r;
      });
      g = { promise, open, entered, enter };
      gates.set(name, g);
    }
    return g;
  };
  let active = 0;
  let maxActive = 0;

  const client = new Inngest({ id: "jobs-test", ...inngestClientOptions() });

  const threeSteps = client.createFunction(
    { id: "three-steps", triggers: [{ event: "test/three" }], retries: 0 },
    async ({ event, step }) => {
      const a = await step.run("one", () => {
        count("one");
        return 1;
      });
      const b = await step.run("two", async () => {
        count("two");
        if (event.data.gate) {
          gate("two").enter();
          await gate("two").promise;
        }
        return a + 1;
      });
      const c = await step.run("three", () => {
        count("three");
        return b + 1;
      });
      return { total: a + b + c };
    },
  );

  const flaky = client.createFunction(
    { id: "flaky", triggers: [{ event: "test/flaky" }], retries: 3 },
    async ({ step }) => {
      return step.run("sometimes-fails", () => {
        count("flaky");
        attemptTimes.push(Date.now());
        if ((counts.get("flaky") ?? 0) < 3) throw new Error("transient failure");
        return "ok";
      });
    },
  );

  const alwaysFails = client.createFunction(
    { id: "always-fails", triggers: [{ event: "test/always-fails" }], retries: 2 },
    async ({ step }) => {
      await step.run("doomed", () => {
        count("doomed");
        throw new Error("still broken");
      });
    },
  );

  const nonRetriable = client.createFunction(
    { id: "non-retriable", triggers: [{ event: "test/non-retriable" }], retries: 5 },
    async ({ step }) => {
      await step.run("refuses", () => {
        count("refuses");
        throw new NonRetriableError("this input can never work");
      });
    },
  );

  const idempotent = client.createFunction(
    { id: "idempotent", triggers: [{ event: "test/idempotent" }], idempotency: "event.data.key" },
    async ({ step }) => step.run("once", () => count("idempotent")),
  );

  const serialized = client.createFunction(
    {
      id: "serialized",
      triggers: [{ event: "test/serialized" }],
      concurrency: { limit: 1, key: "event.data.projectId" },
    },
    async ({ event, step }) => {
      await step.run("work", async () => {
        count(`serialized:${event.data.projectId}`);
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 40));
        active -= 1;
      });
    },
  );

  const sleeper = client.createFunction(
    { id: "sleeper", triggers: [{ event: "test/sleeper" }] },
    async ({ step }) => {
      const before = await step.run("before", () => Date.now());
      await step.sleep("nap", "1s"); // the SDK rounds shorter sleeps up to 1 s
      const after = await step.run("after", () => Date.now());
      return { sleptMs: after - before };
    },
  );

  const fanOut = client.createFunction(
    { id: "fan-out", triggers: [{ event: "test/fan-out" }] },
    async ({ step }) => {
      const [x, y] = await Promise.all([
        step.run("left", () => {
          count("left");
          return "L";
        }),
        step.run("right", () => {
          count("right");
          return "R";
        }),
      ]);
      await step.sendEvent("notify", { name: "test/three", data: { from: "fan-out" } });
      return x + y;
    },
  );

  const waiter = client.createFunction(
    { id: "waiter", triggers: [{ event: "test/waiter" }] },
    async ({ step }) => {
      const reply = await step.waitForEvent("reply", {
        event: "test/reply",
        timeout: "10s",
        if: "event.data.ticket == async.data.ticket",
      });
      return { got: reply?.data ?? null };
    },
  );

  const functions = [
    threeSteps,
    flaky,
    alwaysFails,
    nonRetriable,
    idempotent,
    serialized,
    sleeper,
    fanOut,
    waiter,
  ];
  const served = serve({ client, functions });
  // The Next adapter reads only url, method, headers and text() — a plain Request has them all.
  const handler: ServeHandler = (request) => served(request as never, undefined);

  return {
    client,
    handler,
    counts,
    attemptTimes,
    gate,
    maxActive: () => maxActive,
  };
}
