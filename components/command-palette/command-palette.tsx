"use client";

import { defaultFilter } from "cmdk";
import { FileTextIcon, Loader2Icon, RotateCwIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { isApplePlatform, modKeyLabel } from "@/components/command-palette/keys";
import { KeysLabel } from "@/components/command-palette/keys-label";
import type { PaletteCommand } from "@/components/command-palette/types";
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
  CommandLoading,
  CommandShortcut,
} from "@/components/ui/command";

// With nothing typed, the most recent few; typing searches them all.
const RECENT_PROJECTS = 5;

type Choice = { href: string } | { run: () => void };

// Items are told apart by their value (an id: two projects may share a name) and found by their
// words (the keywords: the label first, then synonyms).
const paletteFilter: React.ComponentProps<typeof Command>["filter"] = (_value, search, keywords = []) =>
  defaultFilter(keywords.join(" "), search);

interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** What the screen on show offers (the editor's tabs), first among the actions. */
  screenCommands: PaletteCommand[];
  onShowShortcuts: () => void;
}

/** Cmd/Ctrl+K: jump to a project, or run an action of the studio or of the screen on show. */
export function CommandPalette({ open, onOpenChange, screenCommands, onShowShortcuts }: CommandPaletteProps) {
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
      <PaletteResults screenCommands={screenCommands} onShowShortcuts={onShowShortcuts} onChoose={choose} />
    </CommandDialog>
  );
}

interface PaletteResultsProps {
  screenCommands: PaletteCommand[];
  onShowShortcuts: () => void;
  onChoose: (choice: Choice) => void;
}

/** The search box and the results; mounted while the palette is open, so each opening starts afresh. */
function PaletteResults({ screenCommands, onShowShortcuts, onChoose }: PaletteResultsProps) {
  const [search, setSearch] = useState("");
  const { projects, loading, error, retry } = useProjectSearch(search);
  const studioCommands = useStudioCommands({ onShowShortcuts });
  const modKey = modKeyLabel(isApplePlatform());
  const searching = search.trim() !== "";
  const listed = projects && !searching ? projects.slice(0, RECENT_PROJECTS) : projects;

  return (
    <>
      <CommandInput
        value={search}
        onValueChange={setSearch}
        placeholder="Search projects and actions…"
        data-testid="command-input"
      />
      <CommandList label="Projects and actions">
        <CommandEmpty>
          {loading ? "Searching projects…" : `No project or action matches “${search.trim()}”.`}
        </CommandEmpty>

        {projects === null && loading && (
          <CommandLoading
            label="Loading projects"
            className="px-3 [&>div]:flex [&>div]:items-center [&>div]:gap-2"
          >
            <Loader2Icon className="size-3.5 animate-spin" aria-hidden />
            Loading projects…
          </CommandLoading>
        )}
        {error && (
          <CommandGroup heading="Projects" forceMount>
            <div
              role="alert"
              className="px-2 py-1 text-sm text-destructive"
              data-testid="command-projects-error"
            >
              <p>Could not load projects: {error.message}</p>
              {error.requestId && (
                <p className="mt-0.5 font-mono text-xs text-muted-foreground">
                  Request id: {error.requestId}
                </p>
              )}
            </div>
            <CommandItem
              value="retry-projects"
              keywords={["Try loading projects again", "retry"]}
              data-testid="command-retry-projects"
              forceMount
              onSelect={retry}
            >
              <RotateCwIcon aria-hidden />
              Try loading projects again
            </CommandItem>
          </CommandGroup>
        )}
        {!error && listed && listed.length > 0 && (
          <CommandGroup heading="Projects">
            {listed.map((project) => (
              <CommandItem
                key={project.id}
                value={`project:${project.id}`}
                keywords={[project.name, project.templateName]}
                data-testid="command-project"
                onSelect={() => onChoose({ href: `/projects/${encodeURIComponent(project.id)}` })}
              >
                <FileTextIcon aria-hidden />
                <span className="truncate">{project.name}</span>
                <span className="ml-auto shrink-0 text-xs text-muted-foreground">{project.templateName}</span>
              </CommandItem>
            ))}
          </CommandGroup>
        )}

        <CommandGroup heading="Actions">
          {[...screenCommands, ...studioCommands].map((command) => (
            <CommandItem
              key={command.id}
              value={command.id}
              keywords={[command.label, ...(command.keywords ?? [])]}
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
      </CommandList>
      <PaletteFooter modKey={modKey} />
    </>
  );
}

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
