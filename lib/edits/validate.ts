// Checks on one operation that do not depend on the other operations of the turn: the shape,
// the paths, the read-only and forbidden sets, binary files. Plus the path-vs-project checks
// (case collisions, file/folder clashes) and the checks on a file's new text (size, placeholders,
// truncation) that the apply simulation runs against its working copy.
import { codeOperationSchema } from "@/lib/ai/protocol/types";
import { projectPathProblem } from "@/lib/versions/paths";
import { newPlaceholders } from "./find-placeholders";
import {
  type ApplyOptions,
  BINARY_EXTENSIONS,
  type EditError,
  type EditErrorCode,
  FORBIDDEN_FILE_NAME,
  FORBIDDEN_SEGMENTS,
  FORBIDDEN_TOP_LEVEL,
  READ_ONLY_FILE_NAMES,
} from "./schemas";
import { byteLength, countLines, formatBytes } from "./text";

export interface Problem {
  code: EditErrorCode;
  reason: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** The path as the chat shows it: control characters escaped, long paths shortened. */
export function displayPath(path: unknown): string {
  if (typeof path !== "string" || path === "") return "(no path)";
  const safe = path.replace(CONTROL_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return safe.length > 120 ? `${safe.slice(0, 117)}…` : safe;
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function isBinaryPath(path: string): boolean {
  const name = fileName(path);
  const dot = name.lastIndexOf(".");
  return dot > 0 && BINARY_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

export function isReadOnlyPath(path: string, allowPaths: readonly string[] = []): boolean {
  if (allowPaths.includes(path)) return false;
  const name = fileName(path).toLowerCase();
  return READ_ONLY_FILE_NAMES.some((re) => re.test(name));
}

/** Why this path may not be touched at all, or null. Case-insensitive: `Node_Modules/` is refused. */
export function pathProblem(path: string, options: Pick<ApplyOptions, "allowPaths">): Problem | null {
  const invalid = projectPathProblem(path);
  if (invalid) return { code: "invalid_path", reason: invalid.replace(/\.$/, "") };
  const segments = path.toLowerCase().split("/");
  const forbidden = segments.find((s) => FORBIDDEN_SEGMENTS.includes(s));
  if (forbidden) return { code: "forbidden_path", reason: `nothing under ${forbidden}/ may be changed` };
  if (segments.length > 1 && FORBIDDEN_TOP_LEVEL.includes(segments[0])) {
    return { code: "forbidden_path", reason: `${segments[0]}/ is build output and may not be changed` };
  }
  if (FORBIDDEN_FILE_NAME.test(fileName(path))) {
    return { code: "forbidden_path", reason: "environment files (.env*) may not be changed" };
  }
  if (isReadOnlyPath(path, options.allowPaths)) {
    return {
      code: "read_only",
      reason:
        "this file is read-only (dependencies and build configuration); the project settings can allow it",
    };
  }
  return null;
}

export interface StaticCheck {
  errors: EditError[];
  /** The operation, when its shape is valid (even if a path check failed). */
  operation: {
    path: string;
    action: "write" | "patch" | "delete" | "rename";
    content: string;
    to?: string;
  } | null;
}

/** Shape, paths and per-path rules of one operation. */
export function checkOperation(raw: unknown, index: number, options: ApplyOptions): StaticCheck {
  const parsed = codeOperationSchema.safeParse(raw);
  if (!parsed.success) {
    const record = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const path = typeof record.path === "string" ? record.path : null;
    const reason = parsed.error.issues
      .map((i) => `${i.path.join(".") || "operation"}: ${i.message}`)
      .join("; ");
    return {
      operation: null,
      errors: [
        {
          index,
          path,
          action: null,
          code: "invalid_operation",
          reason: `${displayPath(path)}: not a valid operation (${reason})`,
        },
      ],
    };
  }
  const op = parsed.data;
  const error = (code: EditErrorCode, reason: string): EditError => ({
    index,
    path: op.path,
    action: op.action,
    code,
    reason: `${displayPath(op.path)}: ${reason}`,
  });
  const errors: EditError[] = [];

  const problem = pathProblem(op.path, options);
  if (problem) errors.push(error(problem.code, problem.reason));

  if (op.action === "rename") {
    if (op.to === undefined || op.to === "") {
      errors.push(error("invalid_operation", "a rename needs a `to` path"));
    } else {
      const toProblem = pathProblem(op.to, options);
      if (toProblem)
        errors.push(error(toProblem.code, `cannot rename to ${displayPath(op.to)}: ${toProblem.reason}`));
      else if (op.to === op.path) errors.push(error("invalid_operation", "renamed onto itself"));
    }
  }
  if (op.action === "write" || op.action === "patch") {
    if (isBinaryPath(op.path)) {
      errors.push(error("binary_file", "binary files (images, fonts, archives…) cannot be written as text"));
    }
  }
  return { operation: op, errors };
}

export interface Collision {
  code: "case_collision" | "path_conflict";
  reason: string;
}

/**
 * Would a new file at `path` clash with `files` — the same name in another letter case (one file
 * on macOS and Windows, and an import that works only on some machines), or a file where a folder
 * is? `ignore` is the file being renamed away.
 */
export function findCollision(files: Iterable<string>, path: string, ignore?: string): Collision | null {
  const lower = path.toLowerCase();
  const folders = folderPrefixes(path);
  const folderSet = new Set(folders.map((f) => f.toLowerCase()));
  for (const other of files) {
    if (other === ignore || other === path) continue;
    const otherLower = other.toLowerCase();
    if (otherLower === lower) {
      return { code: "case_collision", reason: `differs only in letter case from ${other}` };
    }
    if (otherLower.startsWith(`${lower}/`)) {
      return { code: "path_conflict", reason: `${path} is a folder (it holds ${other})` };
    }
    if (folderSet.has(otherLower)) {
      return { code: "path_conflict", reason: `${other} is a file, so it cannot also be a folder` };
    }
    for (const folder of folders) {
      if (otherLower.startsWith(`${folder.toLowerCase()}/`) && !other.startsWith(`${folder}/`)) {
        const spelled = other.slice(0, folder.length);
        return {
          code: "case_collision",
          reason: `folder ${folder}/ differs only in letter case from ${spelled}/`,
        };
      }
    }
  }
  return null;
}

function folderPrefixes(path: string): string[] {
  const prefixes: string[] = [];
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) prefixes.push(path.slice(0, i));
  return prefixes;
}

/** Size, placeholders and (for writes) truncation of a file's new text. */
export function contentProblem(
  path: string,
  before: string | undefined,
  after: string,
  options: ApplyOptions,
  isWrite: boolean,
): Problem | null {
  const { limits } = options;
  const size = byteLength(after);
  if (size > limits.maxBytesPerFile) {
    return {
      code: "file_too_large",
      reason: `would be ${formatBytes(size)}; the limit is ${formatBytes(limits.maxBytesPerFile)} per file`,
    };
  }
  if (!options.allowPlaceholders) {
    const placeholders = newPlaceholders(path, before, after);
    if (placeholders.length > 0) {
      const line = placeholders[0].length > 80 ? `${placeholders[0].slice(0, 80)}…` : placeholders[0];
      return {
        code: "placeholder",
        reason: `contains a placeholder instead of code (\`${line}\`); send the whole file, or a patch`,
      };
    }
  }
  if (isWrite && before !== undefined && !options.allowShrink) {
    const oldLines = countLines(before);
    const newLines = countLines(after);
    if (oldLines > limits.shrinkMinLines && newLines < oldLines * limits.shrinkRatio) {
      return {
        code: "looks_truncated",
        reason: `looks truncated: the write shrinks it from ${oldLines} to ${newLines} lines; send the whole file, use a patch, or delete it`,
      };
    }
  }
  return null;
}
