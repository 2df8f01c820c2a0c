import type { FileEntry, ProjectSummary } from "@/lib/projects/schemas";

export type WorkspaceTab = "preview" | "code" | "history";
export type MobileTab = "chat" | WorkspaceTab;

/** One row of the History tab (the fields of `listVersions` the editor shows). */
export interface VersionRow {
  id: string;
  number: number;
  author: "template" | "user" | "ai" | "restore";
  authorName: string | null;
  message: string;
  checkpointName: string | null;
  createdAt: string;
}

export interface EditorData {
  project: ProjectSummary;
  files: FileEntry[];
  versions: VersionRow[];
  moreVersions: boolean;
}
