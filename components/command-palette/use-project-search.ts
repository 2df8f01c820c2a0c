"use client";

import { useState } from "react";
import type { ErrorPayload } from "@/lib/errors";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import { useJson } from "@/lib/hooks/use-json";
import type { ProjectList, ProjectSummary } from "@/lib/projects/schemas";

// Enough to jump between the projects a person works on; older ones are found by searching.
const LIMIT = 30;

export interface ProjectSearch {
  /** The last answer, kept while a newer search loads so the list does not flicker; null before the first. */
  projects: ProjectSummary[] | null;
  loading: boolean;
  error: ErrorPayload | null;
  retry: () => void;
}

/**
 * The workspace's projects for the palette, most recently updated first: all of them (up to a page)
 * with an empty search, else the ones whose name contains it, asked of GET /api/projects once the
 * typing pauses. The palette filters what it has meanwhile.
 */
export function useProjectSearch(search: string): ProjectSearch {
  const query = useDebouncedValue(search.trim().slice(0, 80), 200);
  const params = new URLSearchParams({ limit: String(LIMIT), sort: "updated" });
  if (query) params.set("search", query);
  const { state, retry } = useJson<ProjectList>(`/api/projects?${params}`, { what: "Loading projects" });

  const [shown, setShown] = useState<ProjectSummary[] | null>(null);
  if (state.status === "ready" && state.data.items !== shown) setShown(state.data.items);

  return {
    projects: shown,
    loading: state.status === "loading" || state.status === "idle",
    error: state.status === "error" ? state.error : null,
    retry,
  };
}
