// The public REST API, described from the same zod schemas the routes validate with.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import { signUpBodySchema } from "@/lib/auth/schemas";
import {
  createProjectBodySchema,
  duplicateProjectBodySchema,
  fileListSchema,
  listProjectsQuerySchema,
  projectListSchema,
  projectSummarySchema,
  updateProjectBodySchema,
} from "@/lib/projects/schemas";
import { listVersionsQuerySchema, versionListSchema } from "@/lib/versions/schemas";

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
