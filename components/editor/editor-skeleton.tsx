import { Skeleton } from "@/components/ui/skeleton";

/** The editor's panes before they are measured and mounted. */
export function EditorSkeleton() {
  return (
    <div className="flex min-h-0 flex-1" aria-busy="true">
      <p className="sr-only" role="status">
        Opening the editor…
      </p>
      <div className="hidden w-[380px] shrink-0 flex-col border-r md:flex">
        <div className="h-10 border-b" />
        <div className="flex flex-1 flex-col justify-end gap-2 p-4">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
        </div>
        <div className="border-t p-3">
          <Skeleton className="h-24 w-full rounded-xl" />
        </div>
      </div>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex h-10 items-center border-b px-2">
          <Skeleton className="h-8 w-64" />
        </div>
        <div className="flex-1 bg-surface p-6">
          <Skeleton className="h-full w-full rounded-lg" />
        </div>
      </div>
    </div>
  );
}
