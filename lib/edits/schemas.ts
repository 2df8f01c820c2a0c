// Limits, options and result types for validating and applying a turn's operations
// (shared/PROTOCOL.md, "Rules"). Used by the AI apply job and by manual edits alike.
import { z } from "zod";
import type { CodeAction } from "@/lib/ai/protocol/types";

/**
 * Defaults, overridable per project (its settings hold an `edits` object of this shape).
 * - `maxOperationsPerTurn` bounds zero-byte operations (deletes, renames) that the byte caps do not.
 * - `maxFilesPerTurn` counts distinct paths a turn touches (a rename touches two).
 * - `maxBytesPerFile` is the UTF-8 size of a file after the turn (a patch result counts too).
 * - `maxBytesPerTurn` is the UTF-8 size of all operation bodies the turn carries.
 * - `maxProjectFiles` is the file count after the turn; a turn that does not grow a project
 *   already past it (the limit was lowered) is still accepted.
 * - A `write` that shrinks an existing file of more than `shrinkMinLines` lines to fewer than
 *   `shrinkRatio` of its lines looks like a truncated answer and is refused (see `allowShrink`).
 */
export const DEFAULT_EDIT_LIMITS = {
  maxOperationsPerTurn: 100,
  maxFilesPerTurn: 40,
  maxBytesPerFile: 256 * 1024,
  maxBytesPerTurn: 1024 * 1024,
  maxProjectFiles: 500,
  shrinkMinLines: 30,
  shrinkRatio: 0.3,
} as const;

const count = z.number().int().positive();

export const editLimitsSchema = z.object({
  maxOperationsPerTurn: count.default(DEFAULT_EDIT_LIMITS.maxOperationsPerTurn),
  maxFilesPerTurn: count.default(DEFAULT_EDIT_LIMITS.maxFilesPerTurn),
  maxBytesPerFile: count.default(DEFAULT_EDIT_LIMITS.maxBytesPerFile),
  maxBytesPerTurn: count.default(DEFAULT_EDIT_LIMITS.maxBytesPerTurn),
  maxProjectFiles: count.default(DEFAULT_EDIT_LIMITS.maxProjectFiles),
  shrinkMinLines: count.default(DEFAULT_EDIT_LIMITS.shrinkMinLines),
  shrinkRatio: z.number().gt(0).lt(1).default(DEFAULT_EDIT_LIMITS.shrinkRatio),
});
export type EditLimits = z.infer<typeof editLimitsSchema>;

/** The `edits` part of a project's settings, as stored (every field optional). */
export const projectEditSettingsSchema = z.object({
  limits: editLimitsSchema.partial().optional(),
  /**
   * Exact project paths taken out of the read-only set (e.g. `["vite.config.ts"]`). Never
   * opens the forbidden set (node_modules/, .git/, dist/, .env*).
   */
  allowPaths: z.array(z.string().max(256)).max(100).optional(),
});
export type ProjectEditSettings = z.infer<typeof projectEditSettingsSchema>;

export const applyOptionsSchema = z.object({
  limits: editLimitsSchema.prefault({}),
  allowPaths: z.array(z.string()).default([]),
  /** Accept a `write` that shrinks a file drastically (a person saving in the editor may mean it). */
  allowShrink: z.boolean().default(false),
  /** Accept truncation placeholders such as `// ... rest of the file unchanged ...`. */
  allowPlaceholders: z.boolean().default(false),
});
export type ApplyOptions = z.infer<typeof applyOptionsSchema>;
export type ApplyOptionsInput = z.input<typeof applyOptionsSchema>;

/** Options for a project: its stored settings (if any) over the defaults, plus per-call extras. */
export function resolveApplyOptions(
  settings?: ProjectEditSettings | null,
  extra: Omit<ApplyOptionsInput, "limits" | "allowPaths"> = {},
): ApplyOptions {
  return applyOptionsSchema.parse({
    limits: settings?.limits ?? {},
    allowPaths: settings?.allowPaths ?? [],
    ...extra,
  });
}

/** Lock files and build configuration: read-only unless listed in `allowPaths`. Matched on the
 * file name in any folder, case-insensitively. index.html stays writable (brand title, meta). */
export const READ_ONLY_FILE_NAMES: readonly RegExp[] = [
  /^package\.json$/,
  /^package-lock\.json$/,
  /^npm-shrinkwrap\.json$/,
  /^yarn\.lock$/,
  /^pnpm-lock\.yaml$/,
  /^pnpm-workspace\.yaml$/,
  /^bun\.lockb?$/,
  /^\.npmrc$/,
  /^\.yarnrc(\.yml)?$/,
  /^vite\.config\.[cm]?[jt]s$/,
  /^vitest\.config\.[cm]?[jt]s$/,
  /^postcss\.config\.[cm]?[jt]s$/,
  /^tsconfig(\.[\w-]+)*\.json$/,
  /^jsconfig(\.[\w-]+)*\.json$/,
];

/** Never written, whatever the settings say: installed code, the repository, build output, secrets. */
export const FORBIDDEN_SEGMENTS: readonly string[] = ["node_modules", ".git"];
export const FORBIDDEN_TOP_LEVEL: readonly string[] = ["dist"];
export const FORBIDDEN_FILE_NAME = /^\.env($|\.)/i;

/** The protocol carries text; these cannot be written (they may still be deleted or renamed). */
export const BINARY_EXTENSIONS: ReadonlySet<string> = new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
  "avif",
  "ico",
  "bmp",
  "tif",
  "tiff",
  "heic",
  "woff",
  "woff2",
  "ttf",
  "otf",
  "eot",
  "mp3",
  "mp4",
  "m4a",
  "mov",
  "webm",
  "wav",
  "ogg",
  "flac",
  "zip",
  "gz",
  "tgz",
  "tar",
  "bz2",
  "xz",
  "7z",
  "rar",
  "pdf",
  "wasm",
  "exe",
  "dll",
  "so",
  "dylib",
  "bin",
  "class",
  "jar",
  "psd",
]);

export type EditErrorCode =
  /** The operation is not {path, action, content, to?} or a rename has no `to`. */
  | "invalid_operation"
  /** `path` or `to` fails projectPathProblem. */
  | "invalid_path"
  /** node_modules/, .git/, dist/, .env*. */
  | "forbidden_path"
  | "read_only"
  | "binary_file"
  | "not_found"
  | "already_exists"
  /** Differs only in letter case from another file or folder of the project. */
  | "case_collision"
  /** A file where a folder is, or the reverse. */
  | "path_conflict"
  | "file_too_large"
  | "patch_malformed"
  | "patch_no_match"
  | "patch_ambiguous"
  | "syntax_error"
  | "placeholder"
  | "looks_truncated"
  /** An earlier operation on the same path failed, so this one was not tried. */
  | "skipped"
  | "too_many_operations"
  | "too_many_files"
  | "turn_too_large"
  | "project_too_large";

/**
 * One refused operation. `index` is the operation's position in the turn; turn-level errors
 * (caps on the whole turn or project) have `index`, `path` and `action` null. `reason` is a
 * sentence the chat shows as is.
 */
export interface EditError {
  index: number | null;
  path: string | null;
  action: CodeAction | null;
  code: EditErrorCode;
  reason: string;
}

export type FileContent = string | Uint8Array;

export interface EditChanges {
  added: string[];
  modified: string[];
  deleted: string[];
  /** Moved files; `to` also appears in `modified` when its content changed in the turn. */
  renamed: Array<{ from: string; to: string }>;
}

export interface OperationStats {
  index: number;
  path: string;
  action: CodeAction;
  to?: string;
  linesAdded: number;
  linesRemoved: number;
  /** False for a write of identical content (allowed, reported as no change). */
  changed: boolean;
}

export type ApplyResult =
  | { ok: true; files: Map<string, FileContent>; changes: EditChanges; stats: OperationStats[] }
  | { ok: false; errors: EditError[] };
