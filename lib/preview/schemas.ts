// What the preview API returns and what the page inside the preview tells the studio. Shared by
// the server (lib/preview), the gateway's injected script and the studio panel, so no server imports.
import { z } from "zod";

export const previewStatusSchema = z.enum(["booting", "ready", "error", "paused", "stopped"]);
export type PreviewStatus = z.infer<typeof previewStatusSchema>;

/** One problem found in a version (type-check or build), as stored in Version.problems. */
export const versionProblemSchema = z.object({
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  message: z.string(),
});
export type VersionProblem = z.infer<typeof versionProblemSchema>;

/** The response of POST/GET /api/projects/{id}/preview. */
export const previewViewSchema = z
  .object({
    /** `stopped` with no previewId when the project has no preview. */
    status: previewStatusSchema,
    previewId: z.string().nullable(),
    /** The iframe's URL, carrying a short-lived token that the gateway trades for a cookie. */
    url: z.string().nullable(),
    /** The preview's origin (no token), for checking postMessage senders. */
    origin: z.string().nullable(),
    error: z.string().nullable(),
    /** The version the preview runs. */
    versionId: z.string().nullable(),
    /** The project's current version and what the type-check (or the page) found in it. */
    current: z
      .object({
        id: z.string(),
        number: z.number().int(),
        status: z.enum(["unchecked", "ok", "broken"]),
        problems: z.array(versionProblemSchema),
      })
      .nullable(),
    /** The newest earlier version known to work, for "Restore last good version". */
    lastGood: z.object({ id: z.string(), number: z.number().int() }).nullable(),
    /** False once the same failure came back twice: "Fix with AI" stops being offered. */
    fixAllowed: z.boolean(),
    startedAt: z.string().nullable(),
  })
  .meta({ id: "Preview" });
export type PreviewView = z.infer<typeof previewViewSchema>;

export const startPreviewBodySchema = z
  .strictObject({
    /** Wait (up to 30 s) until the dev server serves the page before answering. */
    wait: z.boolean().optional(),
  })
  .optional();

export const logsQuerySchema = z.strictObject({
  since: z.string().datetime().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** A failure the studio saw in the preview (POST /api/projects/{id}/preview/errors). */
export const previewFailureSchema = z.strictObject({
  versionId: z.string().min(1).max(64).nullable().optional(),
  kind: z.enum(["build", "runtime", "typecheck"]),
  message: z.string().min(1).max(4000),
  file: z.string().max(300).nullable().optional(),
  line: z.number().int().nullable().optional(),
});
export type PreviewFailure = z.infer<typeof previewFailureSchema>;

/**
 * How a reported failure is labelled, in Version.problems (`Runtime error: …`) and in the studio,
 * which reads the kind back from that prefix.
 */
export const FAILURE_KIND_LABEL: Record<PreviewFailure["kind"], string> = {
  build: "Build error",
  runtime: "Runtime error",
  typecheck: "Type error",
};

// ── The injected client script's messages (window.parent.postMessage) ────────────────────────

export const PREVIEW_MESSAGE_SOURCE = "pagecraft-preview";

export const previewMessageSchema = z.discriminatedUnion("type", [
  /** The page started loading (the script ran). */
  z.object({ source: z.literal(PREVIEW_MESSAGE_SOURCE), type: z.literal("loading"), href: z.string() }),
  /** The app rendered something and no error came first: the frame may be shown. */
  z.object({ source: z.literal(PREVIEW_MESSAGE_SOURCE), type: z.literal("render-ok"), href: z.string() }),
  z.object({
    source: z.literal(PREVIEW_MESSAGE_SOURCE),
    type: z.literal("error"),
    kind: z.enum(["build", "runtime"]),
    message: z.string(),
    file: z.string().nullable(),
    line: z.number().nullable(),
    column: z.number().nullable(),
    stack: z.string().nullable(),
  }),
  /** After an error the app shows nothing (React unmounted it): the studio covers the frame. */
  z.object({ source: z.literal(PREVIEW_MESSAGE_SOURCE), type: z.literal("blank") }),
  /** Vite's hot-update channel: an update applied, the dev server went away, or it came back. */
  z.object({
    source: z.literal(PREVIEW_MESSAGE_SOURCE),
    type: z.literal("hmr"),
    event: z.enum(["connected", "update", "full-reload", "disconnected"]),
  }),
]);
export type PreviewMessage = z.infer<typeof previewMessageSchema>;
export type PreviewErrorMessage = Extract<PreviewMessage, { type: "error" }>;
