// End-to-end tests: Playwright driving Debian's Chromium against a production build of the studio,
// with its own data folder so every run starts from an empty, freshly migrated database.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./tests/e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: process.env.E2E_SKIP_BUILD ? "tsx scripts/start.ts" : "npm run build && tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    // A cold production build on a busy 2-core machine can take minutes.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      // Short: previews listen on Unix sockets under it, and socket paths are limited to ~107 bytes.
      DATA_DIR: ".test-data/e2e",
      RESET_DATA_DIR: "1",
      APP_URL: baseURL,
      // The preview gateway (each preview on its own *.preview.localhost origin).
      PREVIEW_PORT: process.env.E2E_PREVIEW_PORT ?? "3101",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
      SHOW_DEMO_LOGIN: "true",
      LOG_LEVEL: "warn",
      REALTIME_PORT: String(port + 3000),
    },
  },
});
