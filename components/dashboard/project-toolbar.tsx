"use client";

import { Loader2Icon, SearchIcon, XIcon } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import type { ProjectSort } from "@/lib/projects/schemas";

const SORT_LABELS: Record<ProjectSort, string> = {
  updated: "Last edited",
  created: "Date created",
  name: "Name",
};

/** Search (debounced into `?q=`) and sort (`?sort=`); the server page re-renders from the URL. */
export function ProjectToolbar({ search, sort }: { search: string; sort: ProjectSort }) {
  const router = useRouter();
  const pathname = usePathname();
  const [text, setText] = useState(search);
  const debounced = useDebouncedValue(text.trim(), 300);
  const [pending, startTransition] = useTransition();

  function navigate(next: { q: string; sort: ProjectSort }) {
    const params = new URLSearchParams();
    if (next.q) params.set("q", next.q);
    if (next.sort !== "updated") params.set("sort", next.sort);
    const query = params.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search text should navigate
  useEffect(() => {
    if (debounced !== search) navigate({ q: debounced, sort });
  }, [debounced]);

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="relative flex-1 sm:max-w-xs">
        <SearchIcon
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && setText("")}
          placeholder="Search projects"
          aria-label="Search projects"
          data-testid="search-input"
          className="pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden"
        />
        <span className="absolute top-1/2 right-2 flex -translate-y-1/2 items-center">
          {pending ? (
            <Loader2Icon className="size-4 animate-spin text-muted-foreground" aria-label="Searching" />
          ) : (
            text && (
              <button
                type="button"
                onClick={() => setText("")}
                aria-label="Clear search"
                className="rounded-sm p-0.5 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                <XIcon className="size-3.5" aria-hidden />
              </button>
            )
          )}
        </span>
      </div>
      <Select value={sort} onValueChange={(value) => navigate({ q: debounced, sort: value as ProjectSort })}>
        <SelectTrigger
          className="w-full sm:ml-auto sm:w-44"
          aria-label="Sort projects"
          data-testid="sort-select"
        >
          <SelectValue />
        </SelectTrigger>
        <SelectContent align="end">
          {(Object.keys(SORT_LABELS) as ProjectSort[]).map((value) => (
            <SelectItem key={value} value={value} data-testid={`sort-option-${value}`}>
              {SORT_LABELS[value]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
