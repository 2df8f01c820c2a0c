import { z } from "zod";

export const projectNameSchema = z
  .string({ error: "Name must be text." })
  .trim()
  .min(1, "Name is required.")
  .max(80, "Name must be at most 80 characters.");

export const projectIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+$/, "Not a valid project id.");

export const projectSortSchema = z.enum(["updated", "created", "name"]);
export type ProjectSort = z.infer<typeof projectSortSchema>;

export const listProjectsQuerySchema = z.strictObject({
  search: z.string().trim().max(80).optional(),
  sort: projectSortSchema.default("updated"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});
export type ListProjectsQuery = z.input<typeof listProjectsQuerySchema>;

export const createProjectBodySchema = z.strictObject({
  name: projectNameSchema,
  templateId: z.string().min(1, "Choose a template.").max(40),
});
export type CreateProjectBody = z.infer<typeof createProjectBodySchema>;

export const updateProjectBodySchema = z.strictObject({
  name: projectNameSchema,
});
export type UpdateProjectBody = z.infer<typeof updateProjectBodySchema>;

export const duplicateProjectBodySchema = z.strictObject({
  name: projectNameSchema.optional(),
});

/** What lists and cards show of a project. Dates are ISO strings so it crosses to the client as is. */
export const projectSummarySchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  currentVersionId: z.string().nullable(),
  currentVersionNumber: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const projectListSchema = z.object({
  items: z.array(projectSummarySchema),
  nextCursor: z.string().nullable(),
});
export type ProjectList = z.infer<typeof projectListSchema>;

export const fileEntrySchema = z.object({
  path: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type FileEntry = z.infer<typeof fileEntrySchema>;

export const fileListSchema = z.object({
  versionId: z.string(),
  items: z.array(fileEntrySchema),
});
export type FileList = z.infer<typeof fileListSchema>;
