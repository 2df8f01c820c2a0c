// The small part of Inngest's CEL expressions the local executor evaluates: property paths on the
// event (`event.data.projectId`, for concurrency and idempotency keys), and for waitForEvent `if`
// conditions, `==`/`!=` comparisons of paths and literals joined by `&&`.
type Scope = Record<string, unknown>;

function readPath(scope: Scope, path: string): unknown {
  let current: unknown = scope;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const pathPattern = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;

function operand(scope: Scope, text: string): unknown {
  const t = text.trim();
  if (/^'.*'$|^".*"$/.test(t)) return t.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === "true" || t === "false") return t === "true";
  if (t === "null") return null;
  if (pathPattern.test(t)) return readPath(scope, t);
  throw new Error(`Unsupported expression: ${JSON.stringify(text)}`);
}

/** A key expression's value as a string (JSON for non-strings), or undefined when it is missing. */
export function evaluateKey(expression: string, event: unknown): string | undefined {
  const value = operand({ event }, expression);
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Whether a boolean expression such as `event.data.id == async.data.id` holds. */
export function evaluateCondition(expression: string, scope: Scope): boolean {
  return expression.split("&&").every((clause) => {
    const match = /^(.+?)(==|!=)(.+)$/.exec(clause.trim());
    if (!match) return Boolean(operand(scope, clause));
    const equal = JSON.stringify(operand(scope, match[1])) === JSON.stringify(operand(scope, match[3]));
    return match[2] === "==" ? equal : !equal;
  });
}

/** Whether the executor can evaluate this expression (used to refuse configs it would misread). */
export function isSupportedKeyExpression(expression: string): boolean {
  return pathPattern.test(expression.trim());
}
