import { EditorSkeleton } from "@/components/editor/editor-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function ProjectLoading() {
  return (
    <main className="flex h-[calc(100dvh-3rem)] min-h-0 flex-col">
      <div className="flex h-11 shrink-0 items-center gap-2 border-b px-3">
        <Skeleton className="size-6" />
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-5 w-8" />
      </div>
      <EditorSkeleton />
    </main>
  );
}
