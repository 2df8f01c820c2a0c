import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toAppError } from "@/lib/api/errors-to-response";
import { readJsonBody, readOptionalJsonBody } from "@/lib/api/read-json";
import { AppError } from "@/lib/errors";

const jsonRequest = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

describe("AppError", () => {
  it("derives type and status from the code", () => {
    const e = new AppError("not_found:project", "gone");
    expect(e.status).toBe(404);
    expect(e.type).toBe("not_found");
    expect(e.toJSON("req1")).toEqual({
      error: { code: "not_found:project", message: "gone", requestId: "req1" },
    });
    expect(new AppError("rate_limit:chat", "slow down").status).toBe(429);
  });

  it("maps a ZodError to 422 naming the field, and unknown keys by name", () => {
    const strict = z.strictObject({ name: z.string().min(1) });
    const wrongType = strict.safeParse({ name: 3 });
    const e = toAppError(wrongType.error, "r");
    expect(e.status).toBe(422);
    expect(e.field).toBe("name");
    const unknown = toAppError(strict.safeParse({ name: "x", admin: true }).error, "r");
    expect(unknown.message).toContain("admin");
    expect(unknown.field).toBe("admin");
  });

  it("hides unknown errors behind a generic 500", () => {
    const e = toAppError(new Error("SELECT * FROM secret failed"), "r");
    expect(e.status).toBe(500);
    expect(e.message).not.toContain("SELECT");
  });
});

describe("readJsonBody", () => {
  it("parses JSON", async () => {
    await expect(readJsonBody(jsonRequest('{"a":1}'))).resolves.toEqual({ a: 1 });
  });
  it("refuses malformed JSON with 400", async () => {
    await expect(readJsonBody(jsonRequest("{nope"))).rejects.toMatchObject({
      status: 400,
      code: "bad_request:json",
    });
  });
  it("refuses other content types with 400", async () => {
    const req = new Request("http://localhost/x", {
      method: "POST",
      body: "a=1",
      headers: { "content-type": "text/plain" },
    });
    await expect(readJsonBody(req)).rejects.toMatchObject({ status: 400 });
  });
  it("refuses bodies over the limit with 413, even without a content-length", async () => {
    await expect(
      readJsonBody(jsonRequest(JSON.stringify({ a: "x".repeat(2000) })), 1000),
    ).rejects.toMatchObject({
      status: 413,
    });
  });
});

describe("readOptionalJsonBody", () => {
  const post = (headers: Record<string, string>, body?: string) =>
    new Request("http://localhost/x", { method: "POST", body, headers });

  it("is undefined when nothing was sent", async () => {
    await expect(readOptionalJsonBody(post({}))).resolves.toBeUndefined();
    await expect(
      readOptionalJsonBody(post({ "content-type": "application/json", "content-length": "0" })),
    ).resolves.toBeUndefined();
  });
  it("reads a body that was sent", async () => {
    await expect(readOptionalJsonBody(jsonRequest('{"wait":true}'))).resolves.toEqual({ wait: true });
  });
  it("still refuses a body that is not JSON", async () => {
    await expect(
      readOptionalJsonBody(post({ "content-type": "text/plain", "content-length": "3" }, "a=1")),
    ).rejects.toMatchObject({ status: 400, code: "bad_request:content_type" });
  });
});
