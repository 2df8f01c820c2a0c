import { describe, expect, it } from "vitest";
import { parsePreviewOrigin } from "@/lib/env";
import { bootUrl, gatewayOrigin, type PreviewOrigin, previewIdFromHost } from "@/lib/preview/urls";

const id = "pabcdefghijklmnopqrstuvwxyz";
const production: PreviewOrigin = { scheme: "https", domain: "preview.example.com" };

describe("PREVIEW_ORIGIN", () => {
  it.each([
    ["https://{id}.preview.example.com", { scheme: "https", domain: "preview.example.com" }],
    ["https://{id}.Preview.Example.com/", { scheme: "https", domain: "preview.example.com" }],
    ["https://{id}.p.example.com:8443", { scheme: "https", domain: "p.example.com", port: 8443 }],
    ["https://{id}.p.example.com:443", { scheme: "https", domain: "p.example.com" }],
    ["http://{id}.preview.localhost:3001", { scheme: "http", domain: "preview.localhost", port: 3001 }],
    ["http://{id}.localhost", { scheme: "http", domain: "localhost" }],
  ])("reads %s", (template, origin) => {
    expect(parsePreviewOrigin(template)).toEqual(origin);
  });

  it.each([
    ["https://preview.example.com", "expected"],
    ["https://x{id}.preview.example.com", "expected"],
    ["https://{id}.preview.example.com/path", "expected"],
    ["ftp://{id}.preview.example.com", "expected"],
    ["https://{id}.-bad.example.com", "expected"],
    ["https://{id}.preview.example.com:99999", "out of range"],
    // The preview cookie is SameSite=None; Secure: plain http only works on localhost.
    ["http://{id}.preview.example.com", "use https"],
  ])("refuses %s, saying why", (template, problem) => {
    expect(parsePreviewOrigin(template)).toEqual(expect.stringContaining(problem));
  });
});

describe("preview URLs on a custom domain", () => {
  it("builds each preview's own origin", () => {
    expect(gatewayOrigin(id, production)).toBe(`https://${id}.preview.example.com`);
    expect(gatewayOrigin(id, { ...production, port: 8443 })).toBe(`https://${id}.preview.example.com:8443`);
    const boot = new URL(bootUrl(gatewayOrigin(id, production), id));
    expect(boot.origin).toBe(`https://${id}.preview.example.com`);
    expect(boot.searchParams.get("__pagecraft_token")).toMatch(/\./);
  });

  it("routes by Host on that domain only, whatever the port (TLS may end in front of the gateway)", () => {
    expect(previewIdFromHost(`${id}.preview.example.com`, production)).toBe(id);
    expect(previewIdFromHost(`${id}.preview.example.com:3001`, production)).toBe(id);
    expect(previewIdFromHost(`${id}.PREVIEW.example.com.`, production)).toBe(id);
    expect(previewIdFromHost(`${id}.preview.localhost:3001`, production)).toBeNull();
    expect(previewIdFromHost(`${id}.evil.preview.example.com`, production)).toBeNull();
    expect(previewIdFromHost(`${id}.preview.example.com.evil.com`, production)).toBeNull();
    expect(previewIdFromHost("preview.example.com", production)).toBeNull();
    expect(previewIdFromHost(`notanid.preview.example.com`, production)).toBeNull();
  });

  it("keeps the default: http://<id>.preview.localhost:<PREVIEW_PORT>", () => {
    expect(gatewayOrigin(id)).toMatch(new RegExp(`^http://${id}\\.preview\\.localhost:\\d+$`));
    expect(previewIdFromHost(`${id}.preview.localhost:3001`)).toBe(id);
  });
});
