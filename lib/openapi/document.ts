// The public REST API, described from the same zod schemas the routes validate with.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import { chatBodySchema, contextQuerySchema, listMessagesQuerySchema } from "@/lib/ai/chat/schemas";
import {
  testConnectionBodySchema,
  testConnectionResultSchema,
  updateAiSettingsBodySchema,
} from "@/lib/ai/models/schemas";
import { signUpBodySchema } from "@/lib/auth/schemas";
import { jobRunListSchema, listJobsQuerySchema } from "@/lib/jobs/schemas";
import {
  logsQuerySchema,
  previewFailureSchema,
  previewViewSchema,
  startPreviewBodySchema,
} from "@/lib/preview/schemas";
import {
  createProjectBodySchema,
  duplicateProjectBodySchema,
  fileListSchema,
  listProjectsQuerySchema,
  projectListSchema,
  projectSummarySchema,
  updateProjectBodySchema,
} from "@/lib/projects/schemas";
import { checkpointBodySchema } from "@/lib/versions/name-checkpoint";
import {
  changeSetBodySchema,
  diffQuerySchema,
  fileQuerySchema,
  listVersionsQuerySchema,
  versionListSchema,
  versionSummarySchema,
} from "@/lib/versions/schemas";

const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "not_found:project" }),
      message: z.string(),
      field: z.string().optional(),
      requestId: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "Error" });

const jsonContent = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [String(s), { description: errorDescriptions[s], ...jsonContent(errorSchema) }]),
  );
const errorDescriptions: Record<number, string> = {
  400: "Malformed request (bad JSON, wrong content type, bad path)",
  401: "Not signed in",
  404: "Not found, or not in your workspace",
  409: "Conflict",
  413: "Body larger than MAX_BODY_BYTES (default 1 MiB)",
  422: "A field failed validation, or an unknown field was sent",
  429: "Too many requests; see Retry-After",
};

const projectId = z.string().meta({ description: "Project id" });
const workspaceId = z
  .string()
  .optional()
  .meta({ description: "Workspace to act in; defaults to your personal workspace" });
const projectPath = { path: z.object({ projectId }) };
const withWorkspaceQuery = <T extends z.ZodObject>(schema: T) => schema.extend({ workspaceId });

const versionId = z.string().meta({ description: "Version id" });
const versionDetailSchema = versionSummarySchema.extend({
  files: z.array(z.object({ path: z.string(), sha256: z.string() })),
  isCurrent: z.boolean(),
  restoredFromId: z.string().nullable(),
});

const op = (o: ZodOpenApiOperationObject) => ({ security: [{ session: [] }], ...o });

export function buildOpenApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Pagecraft Studio API",
      version: "1.0.0",
      description:
        "Sign in for scripts with next-auth's endpoints: GET /api/auth/csrf, then POST /api/auth/callback/credentials " +
        "(form fields csrfToken, email, password) and keep the session cookie.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "authjs.session-token" } },
    },
    paths: {
      "/api/auth/signup": {
        post: {
          summary: "Create an account and its personal workspace",
          requestBody: jsonContent(signUpBodySchema),
          responses: {
            "201": {
              description: "Created",
              ...jsonContent(
                z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string() }) }),
              ),
            },
            ...errors(400, 409, 413, 422, 429),
          },
        },
      },
      "/api/projects": {
        get: op({
          summary: "List the workspace's projects",
          requestParams: { query: withWorkspaceQuery(listProjectsQuerySchema) },
          responses: {
            "200": { description: "A page of projects", ...jsonContent(projectListSchema) },
            ...errors(401, 422),
          },
        }),
        post: op({
          summary: "Create a project from a template",
          requestBody: jsonContent(createProjectBodySchema),
          responses: {
            "201": {
              description: "Created; version 1 holds the template",
              ...jsonContent(projectSummarySchema),
            },
            ...errors(400, 401, 413, 422, 429),
          },
        }),
      },
      "/api/projects/{projectId}": {
        get: op({
          summary: "Get a project",
          requestParams: projectPath,
          responses: {
            "200": { description: "The project", ...jsonContent(projectSummarySchema) },
            ...errors(401, 404),
          },
        }),
        patch: op({
          summary: "Rename a project",
          requestParams: projectPath,
          requestBody: jsonContent(updateProjectBodySchema),
          responses: {
            "200": { description: "Renamed", ...jsonContent(projectSummarySchema) },
            ...errors(400, 401, 404, 413, 422),
          },
        }),
        delete: op({
          summary: "Delete a project and its history",
          requestParams: projectPath,
          responses: { "204": { description: "Deleted" }, ...errors(401, 404) },
        }),
      },
      "/api/projects/{projectId}/duplicate": {
        post: op({
          summary: "Duplicate a project (its current version becomes the copy's version 1)",
          requestParams: projectPath,
          requestBody: { required: false, ...jsonContent(duplicateProjectBodySchema) },
          responses: {
            "201": { description: "The copy", ...jsonContent(projectSummarySchema) },
            ...errors(401, 404, 422),
          },
        }),
      },
      "/api/projects/{projectId}/files": {
        post: op({
          summary: "A manual change set: validated and committed like an AI turn, as one new version",
          requestParams: projectPath,
          requestBody: jsonContent(changeSetBodySchema),
          responses: {
            "201": {
              description: "The new version",
              ...jsonContent(z.object({ version: versionDetailSchema })),
            },
            ...errors(400, 401, 404, 409, 413, 422),
          },
        }),
        get: op({
          summary: "List the files of the current version",
          requestParams: projectPath,
          responses: { "200": { description: "Files", ...jsonContent(fileListSchema) }, ...errors(401, 404) },
        }),
      },
      "/api/projects/{projectId}/files/{path}": {
        get: op({
          summary: "Raw content of one file at the current version",
          requestParams: {
            path: z.object({
              projectId,
              path: z.string().meta({ description: "File path, e.g. src/App.tsx" }),
            }),
            query: fileQuerySchema,
          },
          responses: {
            "200": { description: "The file's bytes", content: { "text/plain": { schema: z.string() } } },
            ...errors(400, 401, 404),
          },
        }),
      },
      "/api/projects/{projectId}/versions": {
        get: op({
          summary: "List versions, newest first",
          requestParams: {
            path: z.object({ projectId }),
            query: withWorkspaceQuery(listVersionsQuerySchema),
          },
          responses: {
            "200": { description: "A page of versions", ...jsonContent(versionListSchema) },
            ...errors(401, 404),
          },
        }),
      },
      "/api/projects/{projectId}/versions/{versionId}": {
        get: op({
          summary: "One version with its file list",
          requestParams: { path: z.object({ projectId, versionId }) },
          responses: {
            "200": { description: "The version", ...jsonContent(versionDetailSchema) },
            ...errors(401, 404),
          },
        }),
        patch: op({
          summary: "Name (or clear) a checkpoint",
          requestParams: { path: z.object({ projectId, versionId }) },
          requestBody: jsonContent(checkpointBodySchema),
          responses: {
            "200": { description: "The version", ...jsonContent(versionDetailSchema) },
            ...errors(401, 404, 422),
          },
        }),
      },
      "/api/projects/{projectId}/versions/{versionId}/restore": {
        post: op({
          summary: "Restore a version: its files become a new version (nothing is lost)",
          requestParams: { path: z.object({ projectId, versionId }) },
          responses: {
            "201": { description: "The new version", ...jsonContent(versionDetailSchema) },
            ...errors(401, 404, 409),
          },
        }),
      },
      "/api/projects/{projectId}/versions/diff": {
        get: op({
          summary: "What changed between two versions, file by file, with both sides' text",
          requestParams: { path: z.object({ projectId }), query: diffQuerySchema },
          responses: {
            "200": { description: "The diff", ...jsonContent(z.record(z.string(), z.unknown())) },
            ...errors(401, 404, 422),
          },
        }),
      },
      "/api/projects/{projectId}/chat": {
        post: op({
          summary:
            "One chat turn, streamed as an AI SDK UI message stream (SSE); its operations are applied as one version",
          requestParams: projectPath,
          requestBody: jsonContent(chatBodySchema),
          responses: {
            "200": {
              description: "Server-sent events of UI message chunks",
              content: { "text/event-stream": { schema: z.string() } },
            },
            ...errors(400, 401, 404, 413, 422, 429),
          },
        }),
      },
      "/api/projects/{projectId}/chat/context": {
        get: op({
          summary: "How much of the token budget the next turn would use",
          requestParams: { path: z.object({ projectId }), query: contextQuerySchema },
          responses: {
            "200": { description: "Token usage", ...jsonContent(z.record(z.string(), z.unknown())) },
            ...errors(401, 404),
          },
        }),
      },
      "/api/projects/{projectId}/messages": {
        get: op({
          summary: "Chat history, newest page first",
          requestParams: { path: z.object({ projectId }), query: listMessagesQuerySchema },
          responses: {
            "200": { description: "Messages", ...jsonContent(z.record(z.string(), z.unknown())) },
            ...errors(401, 404),
          },
        }),
      },
      "/api/projects/{projectId}/jobs": {
        get: op({
          summary: "The project's durable job runs with their steps, newest first",
          requestParams: { path: z.object({ projectId }), query: listJobsQuerySchema },
          responses: {
            "200": { description: "The runs", ...jsonContent(jobRunListSchema) },
            ...errors(400, 401, 404),
          },
        }),
      },
      "/api/projects/{projectId}/apply-runs/{runId}": {
        get: op({
          summary: "An AI turn's apply status, its version, or why it was refused",
          requestParams: { path: z.object({ projectId, runId: z.string() }) },
          responses: {
            "200": { description: "The run", ...jsonContent(z.record(z.string(), z.unknown())) },
            ...errors(401, 404),
          },
        }),
      },
      "/api/projects/{projectId}/preview": {
        post: op({
          summary:
            "Start the project's live preview, or resume a paused one, or reuse the live one; returns its state and URL",
          requestParams: projectPath,
          requestBody: { ...jsonContent(startPreviewBodySchema.unwrap()), required: false },
          responses: {
            "200": { description: "The preview", ...jsonContent(previewViewSchema) },
            ...errors(401, 404, 409, 422, 429),
          },
        }),
        get: op({
          summary:
            "The preview's state, a fresh iframe URL, the current version's check and the last good version",
          requestParams: projectPath,
          responses: {
            "200": { description: "The preview", ...jsonContent(previewViewSchema) },
            ...errors(401, 404),
          },
        }),
        delete: op({
          summary: "Stop the preview (opening the project starts a new one)",
          requestParams: projectPath,
          responses: {
            "200": {
              description: "Whether one was running",
              ...jsonContent(z.object({ stopped: z.boolean() })),
            },
            ...errors(401, 404),
          },
        }),
      },
      "/api/projects/{projectId}/preview/heartbeat": {
        post: op({
          summary: "An open editor is viewing the preview: keeps it from pausing as idle",
          requestParams: projectPath,
          responses: {
            "200": { description: "The preview", ...jsonContent(previewViewSchema) },
            ...errors(401, 404),
          },
        }),
      },
      "/api/projects/{projectId}/preview/logs": {
        get: op({
          summary: "The preview dev server's recent output",
          requestParams: { path: z.object({ projectId }), query: logsQuerySchema },
          responses: {
            "200": { description: "Log lines", ...jsonContent(z.record(z.string(), z.unknown())) },
            ...errors(401, 404, 422),
          },
        }),
      },
      "/api/projects/{projectId}/preview/errors": {
        post: op({
          summary: "Report a build or runtime error seen in the preview: flags the version broken",
          requestParams: projectPath,
          requestBody: jsonContent(previewFailureSchema),
          responses: {
            "200": {
              description: "Whether fixing with AI is still offered",
              ...jsonContent(z.object({ versionId: z.string().nullable(), fixAllowed: z.boolean() })),
            },
            ...errors(400, 401, 404, 422),
          },
        }),
      },
      "/api/workspace/ai-settings": {
        get: op({
          summary: "The workspace's model choice (never its keys)",
          responses: {
            "200": { description: "Settings", ...jsonContent(z.record(z.string(), z.unknown())) },
            ...errors(401),
          },
        }),
        put: op({
          summary: "Choose the provider and model; store (encrypted) or delete a key",
          requestBody: jsonContent(updateAiSettingsBodySchema),
          responses: {
            "200": { description: "Settings", ...jsonContent(z.record(z.string(), z.unknown())) },
            ...errors(401, 403, 422),
          },
        }),
      },
      "/api/workspace/ai-settings/test": {
        post: op({
          summary:
            "Send a tiny request to the chosen model (the saved settings, or the ones in the body) and report the result",
          requestBody: jsonContent(testConnectionBodySchema),
          responses: {
            "200": {
              description: "The result, in words when it failed",
              ...jsonContent(testConnectionResultSchema),
            },
            ...errors(400, 401, 429),
          },
        }),
      },
      "/api/templates": {
        get: {
          summary: "List starter templates",
          responses: {
            "200": {
              description: "Templates",
              ...jsonContent(
                z.object({
                  items: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
                }),
              ),
            },
          },
        },
      },
      "/api/health": {
        get: {
          summary: "Each dependency's driver and status",
          responses: {
            "200": { description: "Healthy or degraded", ...jsonContent(z.record(z.string(), z.unknown())) },
            "503": { description: "The database is down", ...jsonContent(z.record(z.string(), z.unknown())) },
          },
        },
      },
    },
  });
}
