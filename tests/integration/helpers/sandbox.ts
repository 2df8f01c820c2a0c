// Shared by the sandbox contract suite and the preview benchmark: one local provider on a sandbox
// folder kept between runs (the dependency install is done once and reused), and a way to GET a
// path from a sandbox's dev server the way the preview gateway reaches it.
import path from "node:path";
import type { E2BSandboxProvider } from "@/lib/sandbox/e2b";
import { requestDevServer } from "@/lib/sandbox/local/probe";
import type { LocalSandboxProvider } from "@/lib/sandbox/local/provider";

/** Kept between test runs so the first install (5–30 s) happens once per machine. */
export const TEST_SANDBOX_ROOT = path.join(process.cwd(), ".test-data", "sandboxes");

export async function getFromLocal(provider: LocalSandboxProvider, id: string, urlPath: string) {
  const endpoint = provider.endpoint(id);
  if (!endpoint) return { status: 0, body: "" };
  const response = await requestDevServer(endpoint, urlPath);
  return { status: response.status, body: response.body };
}

export async function getFromE2B(provider: E2BSandboxProvider, id: string, urlPath: string) {
  const upstream = await provider.upstream(id);
  if (!upstream) return { status: 0, body: "" };
  const response = await fetch(`${upstream.url}${urlPath}`, { headers: upstream.headers });
  return { status: response.status, body: await response.text() };
}
