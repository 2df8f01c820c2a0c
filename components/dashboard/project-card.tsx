"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { duplicateProjectAction } from "@/app/(studio)/actions";
import { networkError } from "@/components/common/error-text";
import { RelativeTime } from "@/components/common/relative-time";
import { toastActionError } from "@/components/common/toast-action-error";
import { ProjectCardMenu } from "@/components/dashboard/project-card-menu";
import { TemplateThumbnail } from "@/components/dashboard/template-thumbnail";
import type { ProjectSummary } from "@/lib/projects/schemas";

interface ProjectCardProps {
  project: ProjectSummary;
  sections: string[];
  onRenamed: (project: ProjectSummary) => void;
  onDeleted: (project: ProjectSummary) => void;
  onDuplicated: (project: ProjectSummary) => void;
}

export function ProjectCard({ project, sections, onRenamed, onDeleted, onDuplicated }: ProjectCardProps) {
  const router = useRouter();
  const [duplicating, startDuplicate] = useTransition();
  const href = `/projects/${project.id}`;

  function duplicate() {
    startDuplicate(async () => {
      try {
        const result = await duplicateProjectAction({ projectId: project.id });
        if (!result.ok) {
          toastActionError(`Could not duplicate “${project.name}”`, result.error);
          return;
        }
        const copy = result.data;
        toast.success(`Duplicated as “${copy.name}”`, {
          action: { label: "Open", onClick: () => router.push(`/projects/${copy.id}`) },
        });
        onDuplicated(copy);
      } catch {
        toastActionError(`Could not duplicate “${project.name}”`, networkError);
      }
    });
  }

  return (
    <article
      data-testid="project-card"
      data-project-id={project.id}
      aria-busy={duplicating}
      className="group relative flex flex-col overflow-hidden rounded-xl border bg-card shadow-xs transition-[border-color,box-shadow] has-[a:focus-visible]:ring-[3px] has-[a:focus-visible]:ring-ring/50 hover:border-foreground/20 hover:shadow-sm"
    >
      <TemplateThumbnail templateId={project.templateId} sections={sections} className="border-b" />
      <div className="flex items-start gap-2 p-3 pr-2">
        <div className="grid min-w-0 flex-1 gap-0.5">
          <h3 className="truncate font-medium">
            {/* The link covers the whole card (after:inset-0); the menu sits above it. */}
            <Link
              href={href}
              data-testid="project-card-name"
              className="outline-none after:absolute after:inset-0 after:content-['']"
            >
              {project.name}
            </Link>
          </h3>
          <p className="truncate text-xs text-muted-foreground">
            {project.templateName}
            <span aria-hidden> · </span>
            <RelativeTime iso={project.updatedAt} prefix="Edited " />
          </p>
        </div>
        <div className="relative z-10">
          <ProjectCardMenu
            project={project}
            duplicating={duplicating}
            onDuplicate={duplicate}
            onRenamed={onRenamed}
            onDeleted={onDeleted}
          />
        </div>
      </div>
    </article>
  );
}
