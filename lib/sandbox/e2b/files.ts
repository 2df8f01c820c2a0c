// Writes a project's files into the sandbox's app folder: only what changed since this instance
// last wrote it (by content hash), after refusing any path outside the project. The dev server
// hot-reloads what lands there.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { projectPathProblem } from "@/lib/versions/paths";
import type { SandboxFile } from "../types";
import type { Entry } from "./entry";
import { E2B_LAYOUT } from "./layout";

const hashOf = (content: Uint8Array | string) => createHash("sha1").update(content).digest("hex");

/** The bytes as the SDK takes them: a string, or an ArrayBuffer holding exactly the view's bytes. */
const dataOf = (content: Uint8Array | string): string | ArrayBuffer =>
  typeof content === "string"
    ? content
    : (content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer);

export async function writeProjectFiles(
  entry: Entry,
  changes: { write: SandboxFile[]; delete: string[] },
): Promise<void> {
  for (const file of [...changes.write.map((f) => f.path), ...changes.delete]) {
    const problem = projectPathProblem(file);
    if (problem) throw new AppError("validation:sandbox_path", `${file}: ${problem}`, { field: "path" });
  }
  const write = changes.write.filter((f) => entry.manifest.get(f.path) !== hashOf(f.content));
  if (write.length > 0) {
    await entry.handle.writeFiles(
      write.map((f) => ({ path: `${E2B_LAYOUT.app}/${f.path}`, data: dataOf(f.content) })),
    );
    for (const f of write) entry.manifest.set(f.path, hashOf(f.content));
  }
  for (const file of changes.delete) {
    await entry.handle.remove(`${E2B_LAYOUT.app}/${file}`).catch(() => {});
    entry.manifest.delete(file);
  }
  if (write.length + changes.delete.length > 0)
    entry.logs.system(`wrote ${write.length + changes.delete.length} file(s)`);
}
