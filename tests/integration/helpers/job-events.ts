// Stands in for the job engine where a test drives the functions' steps itself: whatever the code
// sends (inngest.send → the local executor's ingest) is recorded in `sent`, with made-up event ids.
import { setLocalExecutor } from "@/lib/jobs/local-api";
import type { EventPayloadInput } from "@/lib/jobs/types";

/** Records the events sent from now on into `sent`; call the function it returns to stop. */
export function captureJobEvents(sent: EventPayloadInput[]): () => void {
  setLocalExecutor({
    ingest: async (events) => {
      sent.push(...events);
      return events.map((_, i) => `evt-${sent.length}-${i}`);
    },
  });
  return () => setLocalExecutor(undefined);
}
