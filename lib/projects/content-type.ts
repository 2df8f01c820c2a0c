// Content types for serving project files as data. Markup is served as plain text on purpose:
// the studio's origin must never render a project's HTML.
const types: Record<string, string> = {
  json: "application/json; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  ico: "image/x-icon",
  woff2: "font/woff2",
};

export function contentTypeForPath(path: string): string {
  const ext = path.split(".").pop()?.toLowerCase() ?? "";
  return types[ext] ?? "text/plain; charset=utf-8";
}
