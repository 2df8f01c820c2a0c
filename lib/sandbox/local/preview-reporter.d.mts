// Types for preview-reporter.mjs (plain ESM that runs inside sandboxes), for the studio's TypeScript.
import type { Plugin } from "vite";

export interface PreviewReporter {
  /** Where the dev server answers with the script (CLIENT_SCRIPT_PATH). */
  path: string;
  script: string;
}

export declare const REPORTER_ENV: "PAGECRAFT_PREVIEW_REPORTER";
export declare function reporterFromEnv(env?: Record<string, string | undefined>): PreviewReporter | null;
export declare function previewReporter(reporter: PreviewReporter): Plugin;
