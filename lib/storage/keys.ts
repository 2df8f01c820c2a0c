// Where things live in object storage. Keys never contain user-chosen text.
export function blobKey(workspaceId: string, projectId: string, sha256: string): string {
  return `workspaces/${workspaceId}/projects/${projectId}/blobs/${sha256}`;
}

export function exportKey(workspaceId: string, projectId: string, exportId: string, file: string): string {
  return `workspaces/${workspaceId}/projects/${projectId}/exports/${exportId}/${file}`;
}

const keyPattern = /^[A-Za-z0-9!_.*'()/-]+$/;

/** Rejects keys that could escape a prefix or a folder (`..`, empty segments, odd characters). */
export function assertValidKey(key: string): void {
  if (
    key.length === 0 ||
    key.length > 1024 ||
    !keyPattern.test(key) ||
    key.startsWith("/") ||
    key.split("/").some((s) => s === "" || s === "." || s === "..")
  ) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}
