"use client";

import { Loader2Icon, RotateCwIcon } from "lucide-react";
import { projectApi } from "@/lib/hooks/fetch-json";
import { useJson } from "@/lib/hooks/use-json";
import type { VersionDetail } from "@/lib/versions/get-version";

/** Problems are stored as JSON by whoever checked the version; read the usual shapes, show anything else as text. */
export function describeProblems(problems: unknown): string[] {
  if (problems === null || problems === undefined) return [];
  if (typeof problems === "string") return [problems];
  if (Array.isArray(problems)) return problems.flatMap(describeProblems);
  if (typeof problems === "object") {
    const p = problems as Record<string, unknown>;
    for (const key of ["errors", "problems", "items"]) {
      if (Array.isArray(p[key])) return describeProblems(p[key]);
    }
    const text = [p.reason, p.message, p.text].find((v) => typeof v === "string") as string | undefined;
    if (text) {
      const where = typeof p.path === "string" && !text.includes(p.path) ? `${p.path}` : "";
      const line = typeof p.line === "number" ? `:${p.line}` : "";
      return [where ? `${where}${line}: ${text}` : text];
    }
  }
  return [JSON.stringify(problems)];
}

/** What is wrong with a broken version, loaded from the version's detail. */
export function VersionProblems({ projectId, versionId }: { projectId: string; versionId: string }) {
  const { state, retry } = useJson<VersionDetail>(
    projectApi(projectId, `/versions/${encodeURIComponent(versionId)}`),
    { what: "Loading the problems" },
  );
  if (state.status === "loading" || state.status === "idle") {
    return (
      <p className="flex items-center gap-1.5 text-xs text-muted-foreground" role="status">
        <Loader2Icon className="size-3 animate-spin" aria-hidden />
        Loading what is wrong…
      </p>
    );
  }
  if (state.status === "error") {
    return (
      <p className="flex flex-wrap items-center gap-2 text-xs text-destructive" role="alert">
        Could not load the problems: {state.error.message}
        <button type="button" onClick={retry} className="inline-flex items-center gap-1 underline">
          <RotateCwIcon className="size-3" aria-hidden />
          Try again
        </button>
      </p>
    );
  }
  const problems = describeProblems(state.data.problems);
  if (problems.length === 0) {
    return (
      <p className="text-xs text-muted-foreground">The check found this version broken without details.</p>
    );
  }
  return (
    <ul className="grid gap-0.5 font-mono text-xs text-destructive" data-testid="version-problems">
      {problems.map((problem, i) => (
        <li key={i} className="break-words">
          {problem}
        </li>
      ))}
    </ul>
  );
}
