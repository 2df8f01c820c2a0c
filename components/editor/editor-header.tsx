"use client";

import { ArrowLeftIcon, HistoryIcon, ListChecksIcon } from "lucide-react";
import Link from "next/link";
import { ProjectTitle } from "@/components/editor/project-title";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PresenceAvatars } from "@/components/realtime/presence-avatars";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { ProjectSummary } from "@/lib/projects/schemas";
import { projectChannel, projectPresenceChannel } from "@/lib/realtime/channels";

interface EditorHeaderProps {
  project: ProjectSummary;
  onOpenHistory: () => void;
}

export function EditorHeader({ project, onOpenHistory }: EditorHeaderProps) {
  const version = project.currentVersionNumber;
  return (
    <div className="flex h-11 shrink-0 items-center gap-1 border-b px-2">
      <Tooltip>
        <TooltipTrigger asChild>
          <Button asChild variant="ghost" size="icon-sm" aria-label="Back to projects">
            <Link href="/dashboard">
              <ArrowLeftIcon aria-hidden />
            </Link>
          </Button>
        </TooltipTrigger>
        <TooltipContent>Back to projects</TooltipContent>
      </Tooltip>
      <ProjectTitle key={project.name} projectId={project.id} name={project.name} />
      {version !== null && (
        <Tooltip>
          <TooltipTrigger asChild>
            <button
              type="button"
              onClick={onOpenHistory}
              data-testid="version-badge"
              aria-label={`Version ${version}, show history`}
              className="inline-flex h-6 items-center gap-1 rounded-md border bg-muted/60 px-1.5 font-mono text-xs font-medium text-muted-foreground outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <HistoryIcon className="size-3" aria-hidden />
              <span>v{version}</span>
            </button>
          </TooltipTrigger>
          <TooltipContent>Current version · open history</TooltipContent>
        </Tooltip>
      )}
      <span className="ml-auto hidden truncate pr-2 text-xs text-muted-foreground sm:block">
        {project.templateName} template
      </span>
      <PresenceAvatars channel={projectPresenceChannel(project.id)} />
      <Tooltip>
        <TooltipTrigger asChild>
          <Button asChild variant="ghost" size="sm" className="h-8 px-2 text-muted-foreground">
            <Link href={`/projects/${project.id}/jobs`} data-testid="jobs-link">
              <ListChecksIcon aria-hidden />
              <span className="sr-only lg:not-sr-only">Jobs</span>
            </Link>
          </Button>
        </TooltipTrigger>
        <TooltipContent>Background jobs of this project</TooltipContent>
      </Tooltip>
      <LiveRefresh
        channel={projectChannel(project.id)}
        events={["project.updated", "project.deleted", "version.created"]}
      />
    </div>
  );
}
