"use client";

import { PlusIcon } from "lucide-react";
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import { NewProjectDialog } from "@/components/dashboard/new-project-dialog";
import type { TemplateOption } from "@/components/dashboard/types";
import { Button } from "@/components/ui/button";

const NewProjectContext = createContext<{ openNewProject: (templateId?: string) => void } | null>(null);

/** Lets the header button and the empty state open the one "New project" dialog. */
export function NewProjectProvider({
  templates,
  children,
}: {
  templates: TemplateOption[];
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? "");
  const [session, setSession] = useState(0);

  const openNewProject = useCallback(
    (id?: string) => {
      setTemplateId(id ?? templates[0]?.id ?? "");
      setSession((s) => s + 1);
      setOpen(true);
    },
    [templates],
  );
  const value = useMemo(() => ({ openNewProject }), [openNewProject]);

  return (
    <NewProjectContext.Provider value={value}>
      {children}
      <NewProjectDialog
        key={session}
        templates={templates}
        open={open}
        onOpenChange={setOpen}
        initialTemplateId={templateId}
      />
    </NewProjectContext.Provider>
  );
}

export function useNewProject() {
  const context = useContext(NewProjectContext);
  if (!context) throw new Error("useNewProject must be used inside NewProjectProvider");
  return context;
}

export function NewProjectButton() {
  const { openNewProject } = useNewProject();
  return (
    <Button data-testid="new-project" onClick={() => openNewProject()}>
      <PlusIcon aria-hidden />
      New project
    </Button>
  );
}
