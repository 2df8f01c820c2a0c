// GET /api/openapi.json – the OpenAPI 3.1 description of the public API
import { json, withPublic } from "@/lib/api/handler";
import { env } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const GET = withPublic(async ({ requestId }) =>
  json(buildOpenApiDocument(env.APP_URL), { requestId }),
);
