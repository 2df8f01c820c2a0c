// Readiness: the dev server answers `/` with the index HTML and compiles the main module. Requests
// go straight to the sandbox's socket or loopback port (not through the gateway).
import http from "node:http";
import { mainModuleOf } from "../main-module";
import type { DevServerEndpoint } from "./dev-server";

export interface ProbeResponse {
  status: number;
  contentType: string;
  body: string;
}

export function requestDevServer(
  endpoint: DevServerEndpoint,
  urlPath: string,
  timeoutMs = 15_000,
): Promise<ProbeResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        ...(endpoint.socketPath
          ? { socketPath: endpoint.socketPath }
          : { host: endpoint.host, port: endpoint.port }),
        path: urlPath,
        method: "GET",
        headers: { host: "localhost", accept: urlPath === "/" ? "text/html" : "*/*" },
        timeout: timeoutMs,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`GET ${urlPath} timed out`)));
    request.on("error", reject);
    request.end();
  });
}

/** Null when the page is ready; else why not (for the error message after the deadline). */
export async function probeReady(
  endpoint: DevServerEndpoint,
): Promise<{ problem: string | null; main?: string }> {
  try {
    const index = await requestDevServer(endpoint, "/");
    if (index.status !== 200 || !index.contentType.includes("text/html") || !index.body.includes("<script"))
      return { problem: `GET / answered ${index.status}` };
    const main = mainModuleOf(index.body);
    const module = await requestDevServer(endpoint, main);
    if (module.status !== 200)
      return { problem: `GET ${main} answered ${module.status}: ${module.body.slice(0, 600)}` };
    return { problem: null, main: module.body };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Pre-compiles what a first page view asks for (a pooled server is warm before it is claimed). */
export async function warmUp(endpoint: DevServerEndpoint, mainSource: string) {
  const imports = [...mainSource.matchAll(/(?:from|import)\s*"(\/[^"]+)"/g)].map((m) => m[1]);
  await Promise.all(imports.map((url) => requestDevServer(endpoint, url).catch(() => null)));
}
