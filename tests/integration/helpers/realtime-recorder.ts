// A realtime server that records the payloads of one event name, whether published one by one or
// in a batch, for tests that check what reached the browser (set it with setRealtime).
import type { OutgoingEvent, RealtimeServer } from "@/lib/realtime/types";

export function realtimeRecorder<T>(eventName: string): { server: RealtimeServer; received: T[] } {
  const received: T[] = [];
  const server: RealtimeServer = {
    driver: "pusher",
    async publish(_channel, event, data) {
      if (event === eventName) received.push(JSON.parse(data).data);
    },
    async publishBatch(events: OutgoingEvent[]) {
      for (const e of events) if (e.event === eventName) received.push(JSON.parse(e.data).data);
    },
    authorizeChannel: () => ({ auth: "" }),
    ping: async () => undefined,
  };
  return { server, received };
}
