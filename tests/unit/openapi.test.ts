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
