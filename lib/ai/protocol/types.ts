// The edit protocol's data types (shared/PROTOCOL.md). Shared by the parser, the offline
// designer, the apply validation and the chat UI.
import { z } from "zod";

export const codeActionSchema = z.enum(["write", "patch", "delete", "rename"]);
export type CodeAction = z.infer<typeof codeActionSchema>;

/** One completed `<code>` block. `content` is the raw body (a file, or SEARCH/REPLACE blocks). */
export const codeOperationSchema = z.object({
  path: z.string(),
  action: codeActionSchema,
  content: z.string(),
  /** The new path, for `rename`. */
  to: z.string().optional(),
});
export type CodeOperation = z.infer<typeof codeOperationSchema>;

export type ProtocolErrorCode =
  /** A `<code>` block was still open when the stream ended; it is not applied. */
  | "truncated"
  /** `action` is not one of write, patch, delete, rename. */
  | "unknown_action"
  /** A `<code>` tag without a path, or a rename without `to`. */
  | "missing_attribute"
  /** An opening tag that could not be read. */
  | "malformed_tag"
  /** The parser itself failed (a bug, not the input); the rest of the stream is ignored. */
  | "internal";

/** What the incremental parser emits, in stream order. `index` numbers code blocks from 0. */
export type ProtocolEvent =
  | { type: "text-delta"; text: string }
  | { type: "code-start"; index: number; path: string; action: CodeAction; to?: string }
  | { type: "code-delta"; index: number; text: string }
  | { type: "code-end"; index: number; operation: CodeOperation }
  | { type: "error"; code: ProtocolErrorCode; message: string; index?: number; path?: string };
