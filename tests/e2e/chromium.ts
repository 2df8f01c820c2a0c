// Debian's Chromium, launched the way this machine's closed network needs: no background
// connections (refused here, many at a time), no sandbox as root. Used by Playwright and by
// the benchmarks that drive a browser.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
