// The gateway's own pages (expired link, starting, restarting): small, calm, readable in both
// themes, and never a blank white frame.
const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

export function gatewayPage(input: { title: string; body: string; refreshSeconds?: number }): string {
  const refresh = input.refreshSeconds ? `<meta http-equiv="refresh" content="${input.refreshSeconds}">` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
${refresh}
<title>${escapeHtml(input.title)}</title>
<style>
  html, body { height: 100%; margin: 0; }
  body { display: grid; place-items: center; font: 14px/1.5 system-ui, sans-serif; background: #f6f6f7; color: #18181b; }
  @media (prefers-color-scheme: dark) { body { background: #111113; color: #e4e4e7; } p { color: #a1a1aa; } }
  main { max-width: 28rem; padding: 2rem; text-align: center; }
  h1 { font-size: 1rem; font-weight: 600; margin: 0 0 .25rem; }
  p { margin: 0; color: #52525b; }
</style>
</head>
<body><main data-pagecraft-gateway><h1>${escapeHtml(input.title)}</h1><p>${escapeHtml(input.body)}</p></main></body>
</html>`;
}
