import { getSection, readSectionSource, sectionProjectPath } from "@/lib/templates/sections/registry";
import {
  type AppSource,
  elementLines,
  ensureSectionImport,
  ensureSiteImport,
  indentFor,
  parseApp,
  removeElementLines,
  removeUnusedImports,
  renderSectionElement,
  type SectionElement,
} from "./app-source";
import type { Position } from "./intents";
import { PATHS } from "./project-files";
import type { Workspace } from "./workspace";

/** Adding, removing and moving sections of the library in src/App.tsx (always a whole-file write). */

export function sectionName(id: string): string {
  return getSection(id)?.name ?? id;
}

/** " after the Hero", " at the end"; a section moved goes " to the end" instead. */
function describePosition(position: Position | undefined, moved = false): string {
  if (!position) return "";
  switch (position.kind) {
    case "before":
      return ` before the ${sectionName(position.section)}`;
    case "after":
      return ` after the ${sectionName(position.section)}`;
    case "start":
      return moved ? " to the top" : " at the top";
    case "end":
      return moved ? " to the end" : " at the end";
    case "up":
      return " one place up";
    case "down":
      return " one place down";
  }
}

/** Where in the text a main section goes for a position; `ignore` is the element being moved. */
function insertionPoint(
  app: AppSource,
  position: Position | undefined,
  ignore?: SectionElement,
): number | string {
  if (app.mainStart === undefined || app.mainEnd === undefined)
    return "the page has no <main> element to put it in";
  const main = app.elements.filter((element) => element.placement === "main" && element !== ignore);
  const defaultPoint = () => {
    // By default a new section goes before the closing call to action, else at the end.
    const cta = main.find((element) => element.id === "cta");
    return cta ? cta.lineStart : app.mainEnd!;
  };
  if (!position) return defaultPoint();
  switch (position.kind) {
    case "start":
      return main[0]?.lineStart ?? app.mainEnd;
    case "end":
      return app.mainEnd;
    case "before":
    case "after": {
      const target = app.elements.find((element) => element.id === position.section && element !== ignore);
      if (!target) return `there is no ${sectionName(position.section)} section to place it next to`;
      if (target.placement === "header") return main[0]?.lineStart ?? app.mainEnd;
      if (target.placement === "footer") return app.mainEnd;
      return position.kind === "before" ? target.lineStart : target.lineEnd;
    }
    case "up":
    case "down": {
      if (!ignore) return defaultPoint();
      const all = app.elements.filter((element) => element.placement === "main");
      const index = all.indexOf(ignore);
      if (position.kind === "up")
        return index > 0 ? all[index - 1].lineStart : `the ${ignore.meta?.name} is already first`;
      return index < all.length - 1 ? all[index + 1].lineEnd : `the ${ignore.meta?.name} is already last`;
    }
  }
}

function finish(workspace: Workspace, text: string): void {
  workspace.set(PATHS.app, removeUnusedImports(text), { whole: true });
}

export async function addSection(workspace: Workspace, ids: string[], position?: Position): Promise<void> {
  let placed = position;
  for (const id of ids) {
    const meta = getSection(id);
    const source = workspace.get(PATHS.app);
    if (!meta || source === undefined) continue;
    const app = parseApp(source);
    if (app.elements.some((element) => element.id === id)) {
      if (placed && meta.placement === "main") await moveSection(workspace, id, placed);
      else workspace.skip(`adding a ${meta.name} section: the page already has one`);
      placed = { kind: "after", section: id };
      continue;
    }
    const { line, usesSite } = renderSectionElement(meta);
    let at: number | string;
    if (meta.placement === "header")
      at = app.elements.find((e) => e.placement === "header")?.lineStart ?? lineBefore(app, "main");
    else if (meta.placement === "footer") at = lineAfterMain(app);
    else at = insertionPoint(app, placed);
    if (typeof at === "string") {
      workspace.skip(`adding a ${meta.name} section: ${at}`);
      continue;
    }
    let text = `${source.slice(0, at)}${indentFor(app, meta.placement)}${line}\n${source.slice(at)}`;
    text = ensureSectionImport(text, meta.component, meta.id);
    if (usesSite) text = ensureSiteImport(text);
    finish(workspace, text);
    const file = sectionProjectPath(id);
    const wroteFile = !workspace.has(file);
    if (wroteFile) workspace.set(file, await readSectionSource(id), { whole: true });
    workspace.note(
      `**Added a ${meta.name} section**${meta.placement === "main" ? describePosition(placed) : ""}: ${meta.purpose} ` +
        `It starts with the library's sample texts — ask me to change its title, or edit them in \`src/App.tsx\`` +
        `${wroteFile ? `; the component is \`${file}\`` : ""}.`,
    );
    if (meta.placement === "main") placed = { kind: "after", section: id };
  }
}

/** The start of the `<main>` line, for header sections when there is no header yet. */
function lineBefore(app: AppSource, tag: string): number | string {
  const match = new RegExp(`^[ \\t]*<${tag}\\b`, "m").exec(app.text);
  return match ? match.index : `the page has no <${tag}> element`;
}

function lineAfterMain(app: AppSource): number | string {
  const match = /^[ \t]*<\/main>[ \t]*\n/m.exec(app.text);
  return match ? match.index + match[0].length : "the page has no <main> element";
}

export function removeSection(workspace: Workspace, id: string): void {
  const source = workspace.get(PATHS.app);
  if (source === undefined) return;
  const elements = parseApp(source).elements.filter((element) => element.id === id);
  if (!elements.length) {
    workspace.skip(`removing the ${sectionName(id)}: the page has no such section`);
    return;
  }
  let text = source;
  for (const element of [...elements].reverse()) text = removeElementLines(text, element);
  finish(workspace, text);
  const file = sectionProjectPath(id);
  const deleted = workspace.has(file);
  if (deleted) workspace.delete(file);
  workspace.note(
    `**Removed the ${sectionName(id)}** from \`src/App.tsx\` with its import` +
      `${deleted ? `, and deleted \`${file}\` (ask to add it back any time)` : ""}.`,
  );
}

export async function moveSection(workspace: Workspace, id: string, position: Position): Promise<void> {
  const source = workspace.get(PATHS.app);
  if (source === undefined) return;
  const app = parseApp(source);
  const element = app.elements.find((candidate) => candidate.id === id);
  if (!element) {
    // "Put a FAQ after pricing" on a page without one means adding it.
    return addSection(workspace, [id], position);
  }
  if (element.placement !== "main") {
    workspace.skip(
      `moving the ${sectionName(id)}: it always sits at the ${element.placement === "header" ? "top" : "bottom"}`,
    );
    return;
  }
  if ((position.kind === "before" || position.kind === "after") && position.section === id) {
    workspace.skip(`moving the ${sectionName(id)} next to itself`);
    return;
  }
  const at = insertionPoint(app, position, element);
  if (typeof at === "string") {
    workspace.skip(`moving the ${sectionName(id)}: ${at}`);
    return;
  }
  const lines = elementLines(source, element);
  let text: string;
  if (at <= element.lineStart)
    text = source.slice(0, at) + lines + source.slice(at, element.lineStart) + source.slice(element.lineEnd);
  else if (at >= element.lineEnd)
    text = source.slice(0, element.lineStart) + source.slice(element.lineEnd, at) + lines + source.slice(at);
  else text = source;
  if (text === source) {
    workspace.skip(`moving the ${sectionName(id)}: it is already there`);
    return;
  }
  finish(workspace, text);
  workspace.note(`**Moved the ${sectionName(id)}**${describePosition(position, true)} in \`src/App.tsx\`.`);
}

export function swapSections(workspace: Workspace, a: string, b: string): void {
  const source = workspace.get(PATHS.app);
  if (source === undefined) return;
  const app = parseApp(source);
  const first = app.elements.find((element) => element.id === a);
  const second = app.elements.find((element) => element.id === b);
  if (!first || !second || first.placement !== "main" || second.placement !== "main") {
    workspace.skip(`swapping the ${sectionName(a)} and the ${sectionName(b)}: both must be on the page`);
    return;
  }
  const [x, y] = first.lineStart < second.lineStart ? [first, second] : [second, first];
  const text =
    source.slice(0, x.lineStart) +
    elementLines(source, y) +
    source.slice(x.lineEnd, y.lineStart) +
    elementLines(source, x) +
    source.slice(y.lineEnd);
  finish(workspace, text);
  workspace.note(`**Swapped the ${sectionName(a)} and the ${sectionName(b)}** in \`src/App.tsx\`.`);
}
