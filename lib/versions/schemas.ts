import { z } from "zod";

export const versionAuthorSchema = z.enum(["template", "user", "ai", "restore"]);
export type VersionAuthor = z.infer<typeof versionAuthorSchema>;

export const versionSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  author: versionAuthorSchema,
  authorName: z.string().nullable(),
  message: z.string(),
  checkpointName: z.string().nullable(),
  status: z.enum(["unchecked", "ok", "broken"]),
  changes: z.object({
    added: z.array(z.string()),
    modified: z.array(z.string()),
    deleted: z.array(z.string()),
  }),
  createdAt: z.string(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionListSchema = z.object({
  items: z.array(versionSummarySchema),
  nextCursor: z.string().nullable(),
});

export const listVersionsQuerySchema = z.strictObject({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const diffQuerySchema = z.strictObject({
  from: z.string().min(1, "Give the version to compare from.").max(64),
  to: z.string().min(1, "Give the version to compare to.").max(64),
});

export const changeSetBodySchema = z.strictObject({
  /** The version the edit was made on; a stale one is refused with 409 rather than overwritten. */
  baseVersionId: z.string().min(1).max(64),
  operations: z
    .array(
      z.strictObject({
        path: z.string().max(1024),
        action: z.enum(["write", "patch", "delete", "rename"]).default("write"),
        content: z.string().default(""),
        to: z.string().max(1024).optional(),
      }),
    )
    .min(1, "Send at least one operation.")
    .max(100, "Send at most 100 operations."),
  message: z.string().trim().max(200).optional(),
});
export type ChangeSetBody = z.infer<typeof changeSetBodySchema>;

export const fileQuerySchema = z.strictObject({
  versionId: z.string().min(1).max(64).optional(),
});
