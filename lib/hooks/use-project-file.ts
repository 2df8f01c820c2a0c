"use client";

import { useCallback, useEffect, useState } from "react";
import type { ErrorPayload } from "@/lib/errors";

export type ProjectFileState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "ready"; text: string }
  | { status: "error"; error: ErrorPayload };

// Files are content-addressed, so a hash always means the same text: cache by it for the session.
const cache = new Map<string, string>();

/** Seeds the cache with text whose hash is known (a file just saved), so reloading it is instant. */
export function rememberFileText(sha256: string, text: string): void {
  cache.set(sha256, text);
}

/** A file's raw content; with `versionId`, as it was at that version rather than the current one. */
export function projectFileUrl(projectId: string, path: string, versionId?: string | null): string {
  const url = `/api/projects/${encodeURIComponent(projectId)}/files/${path.split("/").map(encodeURIComponent).join("/")}`;
  return versionId ? `${url}?versionId=${encodeURIComponent(versionId)}` : url;
}

async function readError(response: Response): Promise<ErrorPayload> {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  try {
    const body = (await response.json()) as { error?: Partial<ErrorPayload> };
    if (body.error?.message) {
      return {
        code: body.error.code ?? "unknown",
        message: body.error.message,
        requestId: body.error.requestId ?? requestId,
      };
    }
  } catch {
    // Not JSON: fall through to a message built from the status.
  }
  return {
    code: `http:${response.status}`,
    message: `The file could not be loaded (HTTP ${response.status}).`,
    requestId,
  };
}

/**
 * The raw text of one project file, fetched from the files API (at `versionId` when given, else at the
 * current version); `retry` fetches again after a failure.
 */
export function useProjectFile(
  projectId: string,
  path: string | null,
  sha256: string | null,
  versionId?: string | null,
) {
  const [state, setState] = useState<ProjectFileState>({ status: "idle" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    if (!path) {
      setState({ status: "idle" });
      return;
    }
    const cached = sha256 ? cache.get(sha256) : undefined;
    if (cached !== undefined) {
      setState({ status: "ready", text: cached });
      return;
    }
    const controller = new AbortController();
    setState({ status: "loading" });
    fetch(projectFileUrl(projectId, path, versionId), { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) {
          setState({ status: "error", error: await readError(response) });
          return;
        }
        const text = await response.text();
        if (sha256) cache.set(sha256, text);
        setState({ status: "ready", text });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: "error",
          error: {
            code: "network:file",
            message:
              error instanceof Error
                ? `The file could not be loaded: ${error.message}`
                : "The file could not be loaded.",
          },
        });
      });
    return () => controller.abort();
  }, [projectId, path, sha256, versionId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
