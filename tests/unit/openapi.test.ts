import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";

describe("OpenAPI document", () => {
  it("describes every public route from the zod schemas", () => {
    const doc = buildOpenApiDocument("http://localhost:3000");
    expect(doc.openapi).toBe("3.1.0");
    const paths = doc.paths ?? {};
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        "/api/projects",
        "/api/projects/{projectId}",
        "/api/projects/{projectId}/files/{path}",
      ]),
    );
    const create = paths["/api/projects"]?.post?.requestBody;
    expect(JSON.stringify(create)).toContain("templateId");
    // Unknown fields are refused by the strict schemas, and the document says so.
    expect(JSON.stringify(create)).toContain('"additionalProperties":false');
  });
});

// Every route under app/api is in the document, except the ones that are not ours to describe
// (next-auth's, Inngest's, the document itself) or not called by API users (realtime sign-ins,
// the local storage driver's signed links, the health check).
const INTERNAL = new Set([
  "/api/auth/{...nextauth}",
  "/api/inngest",
  "/api/openapi.json",
  "/api/realtime/auth",
  "/api/storage/{...key}",
  "/api/health",
]);

describe("OpenAPI coverage", () => {
  it("documents every public route file under app/api", async () => {
    const { readdir } = await import("node:fs/promises");
    const files = (await readdir("app/api", { recursive: true })).filter((f) => f.endsWith("route.ts"));
    const routes = files
      .map((f) => `/api/${f.replace(/\/?route\.ts$/, "")}`.replace(/\/$/, ""))
      .map((p) => p.replace(/\[([^\]]+)\]/g, "{$1}"))
      // A catch-all segment is one path parameter in the document ({path}).
      .map((p) => (INTERNAL.has(p) ? p : p.replace(/\{\.\.\.([^}]+)\}/g, "{$1}")));
    expect(routes.length).toBeGreaterThan(20);
    const documented = Object.keys(buildOpenApiDocument("http://localhost:3000").paths ?? {});
    const missing = routes.filter((p) => !INTERNAL.has(p) && !documented.includes(p));
    expect(missing).toEqual([]);
  });
});
