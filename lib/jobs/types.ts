// Shapes shared by the local executor's modules.

/** An event as `inngest.send()` posts it to the event API. */
export interface EventPayloadInput {
  name: string;
  data?: Record<string, unknown>;
  id?: string;
  ts?: number;
  v?: string;
  user?: Record<string, unknown>;
}

/** An event as the executor stores it and passes it to functions. */
export interface StoredEvent {
  name: string;
  data: Record<string, unknown>;
  id: string;
  ts: number;
  v?: string;
  user?: Record<string, unknown>;
}

/** What the client's `fetch` needs from the executor running in this process. */
export interface LocalExecutorHandle {
  ingest(events: EventPayloadInput[]): Promise<string[]>;
}

/** The serve handler's request entry point (`serve(...).POST`/`.PUT` from inngest/next). */
export type ServeHandler = (request: Request) => Promise<Response>;
