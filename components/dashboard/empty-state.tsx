"use client";

import { SparklesIcon } from "lucide-react";
import { useNewProject } from "@/components/dashboard/new-project-provider";
import { TemplateThumbnail } from "@/components/dashboard/template-thumbnail";
import type { TemplateOption } from "@/components/dashboard/types";

/** An empty workspace teaches the first step: pick a template, name it, start chatting. */
export function DashboardEmptyState({ templates }: { templates: TemplateOption[] }) {
  const { openNewProject } = useNewProject();
  return (
    <section
      data-testid="empty-state"
      aria-labelledby="empty-state-title"
      className="flex flex-col items-center gap-8 rounded-xl border border-dashed bg-surface px-6 py-12 text-center"
    >
      <div className="grid max-w-md justify-items-center gap-2">
        <span className="grid size-10 place-items-center rounded-full bg-accent text-accent-foreground">
          <SparklesIcon className="size-5" aria-hidden />
        </span>
        <h2 id="empty-state-title" className="text-lg font-semibold">
          Create your first page
        </h2>
        <p className="text-muted-foreground">
          Pick a starting point. You will describe the changes you want in chat and watch the page update.
        </p>
      </div>
      <ul className="grid w-full max-w-5xl grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {templates.map((template) => (
          <li key={template.id} className="grid">
            <button
              type="button"
              data-testid={`empty-template-${template.id}`}
              onClick={() => openNewProject(template.id)}
              className="group flex flex-col overflow-hidden rounded-lg border bg-card text-left shadow-xs transition-[border-color,box-shadow] outline-none hover:border-primary/50 hover:shadow-sm focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <TemplateThumbnail templateId={template.id} sections={template.sections} className="border-b" />
              <span className="grid gap-0.5 p-2.5 sm:p-3">
                <span className="font-medium group-hover:text-primary">{template.name}</span>
                <span className="line-clamp-2 text-xs text-muted-foreground">{template.description}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
