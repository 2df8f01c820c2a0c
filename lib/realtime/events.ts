// Every realtime event the studio sends: its name, its zod-typed payload, and the channel kinds
// it goes to. Publish only through publishEvent/publishEvents, which validate the payload, add the
// channel's next sequence number and refuse anything over 10 KB. The browser imports only types.
// Deliberately no "server-only": scripts (the seed) reach this through lib/projects.
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { previewStatusSchema } from "@/lib/preview/schemas";
import { getRealtime } from "./index";
import { nextSequence } from "./sequence";
import { MAX_EVENT_BYTES } from "./types";

const id = z.string().min(1).max(64);
const actorId = id.nullable();

export const realtimeEventSchemas = {
  /** Workspace channel: a project appeared (created or duplicated). */
  "project.created": z.object({
    projectId: id,
    name: z.string().max(80),
    actorId,
    duplicatedFrom: id.optional(),
  }),
  /** Workspace and project channels: a project's name or settings changed. */
  "project.updated": z.object({ projectId: id, name: z.string().max(80), actorId }),
  /** Workspace and project channels. */
  "project.deleted": z.object({ projectId: id, actorId }),
  /** Project channel (and workspace channel, for cards showing the version). */
  "version.created": z.object({
    projectId: id,
    versionId: id,
    number: z.number().int().positive(),
    author: z.string().max(20),
    actorId,
  }),
  /** Project channel: an AI turn's apply run moved on (queued → running → succeeded | failed). */
  "apply.updated": z.object({
    projectId: id,
    runId: id,
    messageId: id.nullable(),
    status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
    versionId: id.nullable(),
    versionNumber: z.number().int().positive().nullable(),
    /** Refused operations, reasons cut to fit the 10 KB event limit (the run has them whole). */
    errors: z
      .array(
        z.object({
          index: z.number().int().nullable(),
          path: z.string().max(300).nullable(),
          reason: z.string().max(300),
        }),
      )
      .max(20)
      .optional(),
  }),
  /** Project channel (and workspace channel for workspace-wide jobs): a durable job moved on. */
  "job.progress": z.object({
    runId: id,
    projectId: id.nullable(),
    functionId: z.string().max(120),
    status: z.enum(["queued", "running", "completed", "failed", "cancelled"]),
    /** The step that just finished or is running. */
    step: z.string().max(200).optional(),
    /** 0…1 when the job knows how far it is. */
    progress: z.number().min(0).max(1).optional(),
    message: z.string().max(500).optional(),
    error: z.string().max(2000).optional(),
  }),
  /** Project channel: the live preview's state changed (lib/preview). `url` carries no token. */
  "preview.status": z.object({
    projectId: id,
    previewId: id.optional(),
    status: previewStatusSchema,
    url: z.string().max(300).optional(),
    error: z.string().max(2000).optional(),
    versionId: id.optional(),
    /** The dev server had stopped and the sandbox brought it back by itself. */
    restarted: z.boolean().optional(),
  }),
  /** Project channel: a version was type-checked in the preview sandbox (ok, or broken with problems). */
  "version.checked": z.object({
    projectId: id,
    versionId: id,
    status: z.enum(["ok", "broken"]),
    problems: z
      .array(
        z.object({
          file: z.string().max(300).nullable(),
          line: z.number().int().nullable(),
          message: z.string().max(500),
        }),
      )
      .max(20),
    /** False once the same failure came back twice: automatic fixing stopped. */
    fixAllowed: z.boolean(),
  }),
} as const;

export type RealtimeEventName = keyof typeof realtimeEventSchemas;
export type RealtimeEventPayload<E extends RealtimeEventName> = z.infer<(typeof realtimeEventSchemas)[E]>;

/** What goes over the wire: the payload plus the channel's sequence number. */
export interface RealtimeEnvelope<T = unknown> {
  seq: number;
  /** ISO time the event was published. */
  at: string;
  data: T;
}

export interface PendingEvent<E extends RealtimeEventName = RealtimeEventName> {
  channel: string;
  name: E;
  payload: RealtimeEventPayload<E>;
}

/** One event of any kind, with its name and payload type kept together. */
export type AnyPendingEvent = { [E in RealtimeEventName]: PendingEvent<E> }[RealtimeEventName];

/** Throws payload_too_large when the payload, wrapped in its envelope, would exceed 10 KB. */
export function assertEventFits(name: string, payload: unknown): void {
  const probe = JSON.stringify({ seq: Number.MAX_SAFE_INTEGER, at: new Date().toISOString(), data: payload });
  const bytes = Buffer.byteLength(probe, "utf8");
  if (bytes > MAX_EVENT_BYTES) {
    throw new AppError(
      "payload_too_large:realtime",
      `A realtime event may be at most ${MAX_EVENT_BYTES} bytes.`,
      {
        details: { event: name, bytes },
      },
    );
  }
}

async function encode(event: AnyPendingEvent) {
  const payload = (realtimeEventSchemas[event.name] as z.ZodType).parse(event.payload);
  // Checked before taking a sequence number, so a refused event leaves no gap.
  assertEventFits(event.name, payload);
  const envelope: RealtimeEnvelope = {
    seq: await nextSequence(event.channel),
    at: new Date().toISOString(),
    data: payload,
  };
  return { channel: event.channel, event: event.name, data: JSON.stringify(envelope) };
}

/** Validates, numbers and publishes one event. */
export async function publishEvent<E extends RealtimeEventName>(
  channel: string,
  name: E,
  payload: RealtimeEventPayload<E>,
): Promise<void> {
  const message = await encode({ channel, name, payload } as AnyPendingEvent);
  await getRealtime().publish(message.channel, message.event, message.data);
}

/** Several events (e.g. one change announced on the workspace and the project channel). */
export async function publishEvents(events: AnyPendingEvent[]): Promise<void> {
  const messages = [];
  for (const event of events) messages.push(await encode(event));
  await getRealtime().publishBatch(messages);
}

/**
 * For announcing a change that is already committed: a realtime failure must not fail the
 * change itself (clients refetch on their next gap or reconnect), so it is logged, not thrown.
 */
export async function announce(
  events: AnyPendingEvent[],
  context: { requestId?: string } = {},
): Promise<void> {
  try {
    await publishEvents(events);
  } catch (error) {
    // With no embedded server running (scripts, tests) no browser can be listening either.
    const unreachable = getRealtime().driver === "embedded" && isAppError(error) && !error.details?.status;
    (unreachable ? log.debug : log.warn)("realtime publish failed", {
      requestId: context.requestId,
      events: events.map((e) => e.name),
      error,
    });
  }
}
