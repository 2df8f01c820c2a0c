import type { VersionSummary } from "./schemas";

const emptyChanges = { added: [], modified: [], deleted: [] };

interface VersionRow {
  id: string;
  number: number;
  author: VersionSummary["author"];
  message: string;
  checkpointName: string | null;
  status: VersionSummary["status"];
  changes: unknown;
  createdAt: Date;
  authorUser: { name: string } | null;
}

export function toVersionSummary(v: VersionRow): VersionSummary {
  return {
    id: v.id,
    number: v.number,
    author: v.author,
    authorName: v.authorUser?.name ?? null,
    message: v.message,
    checkpointName: v.checkpointName,
    status: v.status,
    changes: { ...emptyChanges, ...(v.changes as object) },
    createdAt: v.createdAt.toISOString(),
  };
}
