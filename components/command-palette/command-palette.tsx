"use client";

import { FileTextIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { Fragment, useRef, useState } from "react";
import { isApplePlatform, modKeyLabel } from "@/components/command-palette/keys";
import { KeysLabel } from "@/components/command-palette/keys-label";
import { itemWords, matchScore, rankGroups } from "@/components/command-palette/palette-filter";
import { PaletteLoadError, PaletteLoading, ScreenGroup } from "@/components/command-palette/palette-group";
import type { PaletteCommand, PaletteGroup } from "@/components/command-palette/types";
import { useProjectSearch } from "@/components/command-palette/use-project-search";
import { useReturnFocus } from "@/components/command-palette/use-return-focus";
import { useStudioCommands } from "@/components/command-palette/use-studio-commands";
import {
  type Command,
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandShortcut,
} from "@/components/ui/command";
import type { ProjectSummary } from "@/lib/projects/schemas";

// With nothing typed, the most recent few projects (and versions); typing searches them all.
const RECENT = 5;

type Choice = { href: string } | { run: () => void };

// Items are told apart by their value (an id: two projects may share a name) and found by their
// words (the keywords: the label first, then synonyms).
const paletteFilter: React.ComponentProps<typeof Command>["filter"] = (_value, search, keywords = []) =>
  matchScore(keywords, search);

interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** What the screen on show offers (the editor's tabs), first among the actions. */
  screenCommands: PaletteCommand[];
  /**
   * Results the screen on show offers under their own headings (the editor's versions), between the
   * projects and the actions; with something typed, the groups go best match first.
   */
  screenGroups: PaletteGroup[];
  onShowShortcuts: () => void;
}

/**
 * Cmd/Ctrl+K: jump to a project (or to what the screen on show lists, such as a version), or run
 * an action of the studio or of the screen on show.
 */
export function CommandPalette({
  open,
  onOpenChange,
  screenCommands,
  screenGroups,
  onShowShortcuts,
}: CommandPaletteProps) {
  const router = useRouter();
  const focus = useReturnFocus();
  // An action runs once the palette has closed and focus is back where it was, so a dialog it
  // opens takes focus from there and gives it back there.
  const pending = useRef<(() => void) | null>(null);

  function choose(choice: Choice) {
    if ("href" in choice) router.push(choice.href);
    else pending.current = choice.run;
    onOpenChange(false);
  }

  return (
    <CommandDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Command palette"
      description="Jump to a project or run an action."
      contentProps={{
        "data-testid": "command-palette",
        onOpenAutoFocus: focus.onOpenAutoFocus,
        onCloseAutoFocus: (event) => {
          focus.onCloseAutoFocus(event);
          const run = pending.current;
          pending.current = null;
          run?.();
        },
      }}
      commandProps={{ label: "Command palette", filter: paletteFilter, loop: true, vimBindings: false }}
    >
      <PaletteResults
        screenCommands={screenCommands}
        screenGroups={screenGroups}
        onShowShortcuts={onShowShortcuts}
        onChoose={choose}
      />
    </CommandDialog>
  );
}

interface PaletteResultsProps {
  screenCommands: PaletteCommand[];
  screenGroups: PaletteGroup[];
  onShowShortcuts: () => void;
  onChoose: (choice: Choice) => void;
}

/** The search box and the results; mounted while the palette is open, so each opening starts afresh. */
function PaletteResults({ screenCommands, screenGroups, onShowShortcuts, onChoose }: PaletteResultsProps) {
  const [search, setSearch] = useState("");
  const { projects, loading, error, retry } = useProjectSearch(search);
  const studioCommands = useStudioCommands({ onShowShortcuts });
  const modKey = modKeyLabel(isApplePlatform());
  const searching = search.trim() !== "";
  const listed = projects && !searching ? projects.slice(0, RECENT) : projects;
  const actions = [...screenCommands, ...studioCommands];
  // "projects, versions and actions" in the editor.
  const kinds = ["projects", ...screenGroups.map((group) => group.heading.toLowerCase())].join(", ");

  const sections = rankGroups(
    [
      {
        id: "projects",
        keywords: error ? [] : (listed ?? []).map(projectWords),
        node: error ? (
          <CommandGroup heading="Projects" forceMount>
            <PaletteLoadError
              id="projects"
              what="Could not load projects"
              error={error}
              retryLabel="Try loading projects again"
              onRetry={retry}
            />
          </CommandGroup>
        ) : (
          listed &&
          listed.length > 0 && (
            <CommandGroup heading="Projects">
              {listed.map((project) => (
                <CommandItem
                  key={project.id}
                  value={`project:${project.id}`}
                  keywords={projectWords(project)}
                  data-testid="command-project"
                  onSelect={() => onChoose({ href: `/projects/${encodeURIComponent(project.id)}` })}
                >
                  <FileTextIcon aria-hidden />
                  <span className="truncate">{project.name}</span>
                  <span className="ml-auto shrink-0 text-xs text-muted-foreground">
                    {project.templateName}
                  </span>
                </CommandItem>
              ))}
            </CommandGroup>
          )
        ),
      },
      ...screenGroups.map((group) => ({
        id: `screen-${group.id}`,
        keywords: group.items.map(itemWords),
        node: (
          <ScreenGroup
            group={group}
            searching={searching}
            recent={RECENT}
            onChoose={(run) => onChoose({ run })}
          />
        ),
      })),
      {
        id: "actions",
        keywords: actions.map(itemWords),
        node: (
          <CommandGroup heading="Actions">
            {actions.map((command) => (
              <CommandItem
                key={command.id}
                value={command.id}
                keywords={itemWords(command)}
                data-testid={`command-${command.id}`}
                onSelect={() =>
                  onChoose(command.href !== undefined ? { href: command.href } : { run: command.run })
                }
              >
                <command.icon aria-hidden />
                <span className="truncate">{command.label}</span>
                {command.shortcut && (
                  <CommandShortcut>
                    <KeysLabel combo={command.shortcut} modKey={modKey} />
                  </CommandShortcut>
                )}
              </CommandItem>
            ))}
          </CommandGroup>
        ),
      },
    ],
    search,
  );

  return (
    <>
      <CommandInput
        value={search}
        onValueChange={setSearch}
        placeholder={`Search ${kinds} and actions…`}
        data-testid="command-input"
      />
      <CommandList label={`${kinds.charAt(0).toUpperCase()}${kinds.slice(1)} and actions`}>
        <CommandEmpty>{loading ? "Searching projects…" : `Nothing matches “${search.trim()}”.`}</CommandEmpty>
        {projects === null && loading && <PaletteLoading label="Loading projects" />}
        {sections.map((section) => (
          <Fragment key={section.id}>{section.node}</Fragment>
        ))}
      </CommandList>
      <PaletteFooter modKey={modKey} />
    </>
  );
}

const projectWords = (project: ProjectSummary) => [project.name, project.templateName];

function PaletteFooter({ modKey }: { modKey: string }) {
  return (
    <div
      aria-hidden
      className="hidden items-center gap-4 border-t px-3 py-2 text-xs text-muted-foreground sm:flex"
    >
      <span className="inline-flex items-center gap-1.5">
        <KeysLabel combo="↑" modKey={modKey} />
        <KeysLabel combo="↓" modKey={modKey} />
        to move
      </span>
      <span className="inline-flex items-center gap-1.5">
        <KeysLabel combo="Enter" modKey={modKey} />
        to choose
      </span>
      <span className="ml-auto inline-flex items-center gap-1.5">
        <KeysLabel combo="Esc" modKey={modKey} />
        to close
      </span>
    </div>
  );
}
