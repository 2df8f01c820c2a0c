// Validates a turn's operations against the current version and applies them, all or none
// (shared/PROTOCOL.md, "Rules"). Used by the AI apply job and by manual saves in the editor.
//
// Order of checks: the number of operations; each operation alone (shape, paths, read-only and
// forbidden sets, binary files); the caps on the whole turn (files touched, bytes carried) — a
// turn over a cap stops here, before the costly checks; then the operations are simulated in
// order on a copy of the files (existence, collisions, patches, sizes, placeholders, truncation);
// then every file the turn wrote is parsed once, in its final state; then the project file count.
// Every failure is collected; any failure means nothing is applied. Never throws on bad input.
import { applyPatch } from "./apply-patch";
import { extensionOf, syntaxProblems } from "./check-syntax";
import { describeChanges, lineStats } from "./describe";
import {
  type ApplyOptionsInput,
  type ApplyResult,
  applyOptionsSchema,
  type EditError,
  type EditErrorCode,
  type FileContent,
  type OperationStats,
} from "./schemas";
import { asText, byteLength, formatBytes } from "./text";
import { checkOperation, contentProblem, displayPath, findCollision } from "./validate";

type Operation = NonNullable<ReturnType<typeof checkOperation>["operation"]>;

interface Step {
  index: number;
  op: Operation;
  before?: string;
  after?: string;
  changed: boolean;
}

/**
 * `current` maps every path of the current version to its content (bytes are decoded as UTF-8
 * where text is needed; files the turn does not touch come back as the same values). Errors carry
 * the operation's 0-based `index`; their sentences number operations from 1, as the chat does.
 * Throws only for invalid `options` — the caller's, never the model's.
 */
export function applyOperations(
  current: ReadonlyMap<string, FileContent>,
  operations: readonly unknown[],
  optionsInput: ApplyOptionsInput = {},
): ApplyResult {
  const options = applyOptionsSchema.parse(optionsInput);
  const { limits } = options;
  const turnError = (code: EditErrorCode, reason: string): EditError => ({
    index: null,
    path: null,
    action: null,
    code,
    reason,
  });

  if (!Array.isArray(operations)) {
    return { ok: false, errors: [turnError("invalid_operation", "The operations are not a list.")] };
  }
  if (operations.length > limits.maxOperationsPerTurn) {
    return {
      ok: false,
      errors: [
        turnError(
          "too_many_operations",
          `This turn has ${operations.length} operations; the limit is ${limits.maxOperationsPerTurn} per turn.`,
        ),
      ],
    };
  }

  // Each operation alone.
  const errors: EditError[] = [];
  const ops: Array<Operation | null> = [];
  const touched = new Set<string>();
  let turnBytes = 0;
  for (const [index, raw] of operations.entries()) {
    const check = checkOperation(raw, index, options);
    errors.push(...check.errors);
    ops.push(check.errors.length === 0 ? check.operation : null);
    const op = check.operation;
    if (!op) continue;
    touched.add(op.path);
    if (op.to) touched.add(op.to);
    turnBytes += byteLength(op.content);
  }

  // The whole turn.
  const capErrors: EditError[] = [];
  if (touched.size > limits.maxFilesPerTurn) {
    capErrors.push(
      turnError(
        "too_many_files",
        `This turn changes ${touched.size} files; the limit is ${limits.maxFilesPerTurn} per turn.`,
      ),
    );
  }
  if (turnBytes > limits.maxBytesPerTurn) {
    capErrors.push(
      turnError(
        "turn_too_large",
        `This turn carries ${formatBytes(turnBytes)}; the limit is ${formatBytes(limits.maxBytesPerTurn)} per turn.`,
      ),
    );
  }
  if (capErrors.length > 0) return { ok: false, errors: [...capErrors, ...errors] };

  // Simulate in order on a copy. `origin` maps each working path to the path its content had in
  // the current version (null: new content) so renames survive later edits.
  const files = new Map(current);
  const origin = new Map<string, string | null>();
  for (const path of current.keys()) origin.set(path, path);
  const writtenBy = new Map<string, number>(); // path → last operation that changed its text
  const failedAt = new Map<string, number>(); // path → first failed operation on it
  const steps: Step[] = [];

  for (const [index, op] of ops.entries()) {
    const raw = operations[index] as Partial<Operation> | null;
    if (!op) {
      for (const p of [raw?.path, raw?.to])
        if (typeof p === "string" && !failedAt.has(p)) failedAt.set(p, index);
      continue;
    }
    const fail = (code: EditErrorCode, reason: string) => {
      errors.push({
        index,
        path: op.path,
        action: op.action,
        code,
        reason: `${displayPath(op.path)}: ${reason}`,
      });
      for (const p of [op.path, op.to]) if (p !== undefined && !failedAt.has(p)) failedAt.set(p, index);
    };
    const earlier = [op.path, op.to]
      .map((p) => (p === undefined ? undefined : failedAt.get(p)))
      .find((i) => i !== undefined);
    if (earlier !== undefined) {
      fail("skipped", `not tried, because operation ${earlier + 1} on this path failed`);
      continue;
    }

    const existing = files.get(op.path);
    if (op.action === "write") {
      const before = existing === undefined ? undefined : asText(existing);
      if (existing === undefined) {
        const collision = findCollision(files.keys(), op.path);
        if (collision) {
          fail(collision.code, collision.reason);
          continue;
        }
      }
      const problem = contentProblem(op.path, before ?? undefined, op.content, options, true);
      if (problem) {
        fail(problem.code, problem.reason);
        continue;
      }
      files.set(op.path, op.content);
      if (existing === undefined) origin.set(op.path, null);
      writtenBy.set(op.path, index);
      steps.push({
        index,
        op,
        before: before ?? undefined,
        after: op.content,
        changed: before !== op.content,
      });
    } else if (op.action === "patch") {
      if (existing === undefined) {
        fail("not_found", "cannot patch a file that does not exist; use a write to create it");
        continue;
      }
      const before = asText(existing);
      if (before === null) {
        fail("binary_file", "is a binary file and cannot be patched");
        continue;
      }
      const patched = applyPatch(before, op.content);
      if (!patched.ok) {
        fail(patched.code, patched.reason);
        continue;
      }
      const problem = contentProblem(op.path, before, patched.content, options, false);
      if (problem) {
        fail(problem.code, problem.reason);
        continue;
      }
      files.set(op.path, patched.content);
      writtenBy.set(op.path, index);
      steps.push({ index, op, before, after: patched.content, changed: before !== patched.content });
    } else if (op.action === "delete") {
      if (existing === undefined) {
        fail("not_found", "cannot delete a file that does not exist");
        continue;
      }
      files.delete(op.path);
      origin.delete(op.path);
      writtenBy.delete(op.path);
      steps.push({ index, op, before: asText(existing) ?? undefined, changed: true });
    } else {
      const to = op.to!;
      if (existing === undefined) {
        fail("not_found", `cannot rename a file that does not exist (to ${displayPath(to)})`);
        continue;
      }
      if (files.has(to)) {
        fail("already_exists", `cannot rename onto ${displayPath(to)}, which already exists`);
        continue;
      }
      const collision = findCollision(files.keys(), to, op.path);
      if (collision) {
        fail(collision.code, `cannot rename to ${displayPath(to)}: ${collision.reason}`);
        continue;
      }
      files.delete(op.path);
      files.set(to, existing);
      origin.set(to, origin.get(op.path) ?? null);
      origin.delete(op.path);
      const writer = writtenBy.get(op.path);
      writtenBy.delete(op.path);
      // Moved text is parsed again only if it was written this turn or changes language.
      if (writer !== undefined) writtenBy.set(to, writer);
      else if (extensionOf(op.path) !== extensionOf(to)) writtenBy.set(to, index);
      steps.push({ index, op, changed: true });
    }
  }

  // Parse every file the turn wrote, once, as it ends up.
  const toParse: Array<{ path: string; content: string }> = [];
  for (const path of writtenBy.keys()) {
    const content = files.get(path);
    const text = content === undefined ? null : asText(content);
    if (text === null) continue;
    const unchanged = origin.get(path) === path && current.has(path) && asText(current.get(path)!) === text;
    if (!unchanged) toParse.push({ path, content: text });
  }
  for (const [path, problem] of syntaxProblems(toParse)) {
    const index = writtenBy.get(path)!;
    const op = ops[index]!;
    errors.push({
      index,
      path: op.path,
      action: op.action,
      code: "syntax_error",
      reason: `${displayPath(path)} ${problem}`,
    });
  }

  if (files.size > limits.maxProjectFiles && files.size > current.size) {
    errors.push(
      turnError(
        "project_too_large",
        `After this turn the project would have ${files.size} files; the limit is ${limits.maxProjectFiles}.`,
      ),
    );
  }

  if (errors.length > 0) {
    errors.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
    return { ok: false, errors };
  }
  return { ok: true, files, changes: describeChanges(current, files, origin), stats: steps.map(stepStats) };
}

function stepStats(step: Step): OperationStats {
  const { op } = step;
  const stats =
    op.action === "rename" ? { linesAdded: 0, linesRemoved: 0 } : lineStats(step.before, step.after);
  return {
    index: step.index,
    path: op.path,
    action: op.action,
    ...(op.to !== undefined && op.action === "rename" ? { to: op.to } : {}),
    ...stats,
    changed: step.changed,
  };
}
