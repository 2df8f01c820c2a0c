// Project file paths are relative POSIX paths inside the project. Anything else is refused
// before it can reach storage or a sandbox.
const MAX_PATH_LENGTH = 256;

/** Returns why the path is not acceptable, or null when it is. */
export function projectPathProblem(path: string): string | null {
  if (typeof path !== "string" || path.length === 0) return "The path is empty.";
  if (path.length > MAX_PATH_LENGTH) return `The path is longer than ${MAX_PATH_LENGTH} characters.`;
  if (path.includes("\0")) return "The path contains a NUL character.";
  if (path.includes("\\")) return "The path contains a backslash; use forward slashes.";
  if (path.startsWith("/") || path.startsWith("~")) return "The path must be relative to the project.";
  if (/^[A-Za-z]:/.test(path)) return "The path must not start with a drive letter.";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(path)) return "The path contains control characters.";
  const segments = path.split("/");
  if (segments.some((s) => s === "")) return "The path contains an empty segment.";
  if (segments.some((s) => s === "." || s === "..")) return "The path must not contain '.' or '..' segments.";
  if (segments.some((s) => s.length > 128)) return "A path segment is longer than 128 characters.";
  return null;
}

export function isValidProjectPath(path: string): boolean {
  return projectPathProblem(path) === null;
}
