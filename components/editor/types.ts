import type { FileEntry, ProjectSummary } from "@/lib/projects/schemas";
import type { VersionSummary } from "@/lib/versions/schemas";

export type WorkspaceTab = "preview" | "code" | "history";
export type MobileTab = "chat" | WorkspaceTab;

/** One row of the History tab: the first page of `listVersions`, as is. */
export type VersionRow = VersionSummary;

export interface EditorData {
  project: ProjectSummary;
  files: FileEntry[];
  versions: VersionRow[];
  moreVersions: boolean;
}
