"use client";

import { Loader2Icon, SearchXIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { loadMoreProjectsAction } from "@/app/(studio)/dashboard/load-more-action";
import { ErrorText, networkError } from "@/components/common/error-text";
import { ProjectCard } from "@/components/dashboard/project-card";
import { Button } from "@/components/ui/button";
import type { ErrorPayload } from "@/lib/errors";
import type { ProjectList as ProjectPage, ProjectSort, ProjectSummary } from "@/lib/projects/schemas";

interface ProjectListProps {
  initial: ProjectPage;
  search: string;
  sort: ProjectSort;
  sectionsByTemplate: Record<string, string[]>;
}

/**
 * The first page comes from the server (and is refreshed after every mutation); later pages are
 * fetched here. Results of this tab's own mutations are overlaid at once so nothing lags behind.
 */
export function ProjectList({ initial, search, sort, sectionsByTemplate }: ProjectListProps) {
  const router = useRouter();
  const [extra, setExtra] = useState<ProjectSummary[]>([]);
  const [extraCursor, setExtraCursor] = useState<string | null>(null);
  const [renamed, setRenamed] = useState<Record<string, ProjectSummary>>({});
  const [removed, setRemoved] = useState<Set<string>>(() => new Set());
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [loading, startLoading] = useTransition();
  const [announcement, setAnnouncement] = useState("");

  const cursor = extra.length > 0 ? extraCursor : initial.nextCursor;
  const items = useMemo(() => {
    const seen = new Set<string>();
    const merged: ProjectSummary[] = [];
    for (const item of [...initial.items, ...extra]) {
      if (seen.has(item.id) || removed.has(item.id)) continue;
      seen.add(item.id);
      merged.push(renamed[item.id] ?? item);
    }
    return merged;
  }, [initial.items, extra, renamed, removed]);

  function loadMore() {
    if (!cursor) return;
    setLoadError(null);
    startLoading(async () => {
      try {
        const result = await loadMoreProjectsAction({ search, sort, cursor });
        if (!result.ok) {
          setLoadError(result.error);
          return;
        }
        setExtra((prev) => [...prev, ...result.data.items]);
        setExtraCursor(result.data.nextCursor);
        setAnnouncement(`Loaded ${result.data.items.length} more projects.`);
      } catch {
        setLoadError(networkError);
      }
    });
  }

  const onRenamed = (project: ProjectSummary) => {
    setRenamed((prev) => ({ ...prev, [project.id]: project }));
    toast.success(`Renamed to “${project.name}”`);
    router.refresh();
  };
  const onDeleted = (project: ProjectSummary) => {
    setRemoved((prev) => new Set(prev).add(project.id));
    toast.success(`Deleted “${project.name}”`);
    router.refresh();
  };
  const onDuplicated = () => router.refresh();

  if (items.length === 0 && search) {
    return (
      <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed px-6 py-16 text-center">
        <SearchXIcon className="size-6 text-muted-foreground" aria-hidden />
        <p className="font-medium">No projects match “{search}”</p>
        <p className="text-muted-foreground">Try another name, or clear the search box.</p>
      </div>
    );
  }

  return (
    <div className="grid gap-6">
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {items.map((project) => (
          <li key={project.id} className="grid">
            <ProjectCard
              project={project}
              sections={sectionsByTemplate[project.templateId] ?? []}
              onRenamed={onRenamed}
              onDeleted={onDeleted}
              onDuplicated={onDuplicated}
            />
          </li>
        ))}
      </ul>
      <div className="flex flex-col items-center gap-2">
        {cursor && (
          <Button
            variant="outline"
            onClick={loadMore}
            disabled={loading}
            data-testid="load-more"
            aria-busy={loading}
          >
            {loading && <Loader2Icon className="animate-spin" aria-hidden />}
            {loading ? "Loading more projects…" : "Load more"}
          </Button>
        )}
        {loadError && <ErrorText error={loadError} className="text-center" />}
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
