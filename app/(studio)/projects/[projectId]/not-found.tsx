import { ArrowLeftIcon, FileQuestionIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function ProjectNotFound() {
  return (
    <main className="flex flex-1 items-center justify-center px-4 py-16">
      <div className="flex max-w-md flex-col items-center gap-3 text-center">
        <span className="grid size-10 place-items-center rounded-full bg-muted text-muted-foreground">
          <FileQuestionIcon className="size-5" aria-hidden />
        </span>
        <h1 className="text-lg font-semibold">This project is not here</h1>
        <p className="text-muted-foreground">
          It may have been deleted, or it belongs to a workspace you are not a member of.
        </p>
        <Button asChild variant="outline">
          <Link href="/dashboard">
            <ArrowLeftIcon aria-hidden />
            Back to projects
          </Link>
        </Button>
      </div>
    </main>
  );
}
