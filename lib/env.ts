// Every configuration variable, validated once. Nothing else reads process.env.
// Each variable is optional unless noted: leaving it unset selects the embedded default
// (see .env.example for what each one switches on).
import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.url().optional())
  .optional();

/** Where previews are served: `<scheme>://<preview id>.<domain>[:<port>]` (PREVIEW_ORIGIN, parsed). */
export interface PreviewOrigin {
  scheme: "http" | "https";
  /** The host name after the preview id's label, e.g. `preview.example.com`. */
  domain: string;
  /** The port in the URL; absent for the scheme's default (80, 443). */
  port?: number;
}

const label = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const previewOriginPattern = new RegExp(
  `^(https?)://\\{id\\}\\.(${label}(?:\\.${label})*)(?::(\\d{1,5}))?/?$`,
  "i",
);

/**
 * Parses a preview origin template such as `https://{id}.preview.example.com`: `{id}` is the
 * preview's own first label (each preview is its own origin), nothing follows the host but a port.
 * Plain http only on *.localhost: the preview's cookie is `SameSite=None; Secure`, which browsers
 * accept over http on localhost alone. Returns what is wrong in words instead of throwing.
 */
export function parsePreviewOrigin(template: string): PreviewOrigin | string {
  const match = previewOriginPattern.exec(template.trim());
  if (!match) return "expected <http|https>://{id}.<domain>[:<port>], e.g. https://{id}.preview.example.com";
  const scheme = match[1].toLowerCase() as PreviewOrigin["scheme"];
  const domain = match[2].toLowerCase();
  const port = match[3] === undefined ? undefined : Number(match[3]);
  if (port !== undefined && (port < 1 || port > 65_535)) return `port ${port} is out of range`;
  const local = domain === "localhost" || domain.endsWith(".localhost");
  if (scheme === "http" && !local)
    return "use https (the preview cookie needs a secure origin; plain http works only on *.localhost)";
  const defaultPort = scheme === "https" ? 443 : 80;
  return { scheme, domain, ...(port !== undefined && port !== defaultPort ? { port } : {}) };
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /// Set by Next.js itself (e.g. phase-production-build while `next build` runs).
  NEXT_PHASE: optionalString,
  /// Set by Vercel itself ("1") in its builds and functions: serverless, so no preview gateway here.
  VERCEL: optionalString,
  /// Where embedded drivers keep their data (PGlite database, local object storage, secrets).
  DATA_DIR: z.string().default(".data"),
  /// The studio's own public URL (used in links and emails).
  APP_URL: z.url().default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /// Largest JSON body accepted by the API, in bytes.
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),

  // Database: PostgreSQL when set, else PGlite under DATA_DIR.
  DATABASE_URL: optionalUrl,

  // Auth
  AUTH_SECRET: optionalString,
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  /// Shows the demo account on the sign-in page (on by default in development).
  SHOW_DEMO_LOGIN: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),

  // Object storage: S3 (or R2, MinIO…) when S3_BUCKET is set, else the local driver under DATA_DIR.
  S3_BUCKET: optionalString,
  S3_REGION: z.string().default("auto"),
  S3_ENDPOINT: optionalUrl,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  /// Secret for the local storage driver's signed links. Default: derived from AUTH_SECRET.
  STORAGE_SIGNING_SECRET: optionalString,

  // Key-value: Upstash REST (@vercel/kv) when KV_REST_API_URL is set, Redis when REDIS_URL is set,
  // else in-memory (single process).
  KV_REST_API_URL: optionalUrl,
  KV_REST_API_TOKEN: optionalString,
  REDIS_URL: optionalUrl,

  // Realtime: Pusher Channels when PUSHER_APP_ID is set, else the embedded Pusher-protocol server.
  PUSHER_APP_ID: optionalString,
  PUSHER_KEY: optionalString,
  PUSHER_SECRET: optionalString,
  PUSHER_CLUSTER: optionalString,
  /// Self-hosted Pusher-protocol servers (soketi…): host and port instead of a cluster.
  PUSHER_HOST: optionalString,
  PUSHER_PORT: z.coerce.number().int().positive().optional(),
  PUSHER_USE_TLS: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === undefined || v === "true" || v === "1"),
  /// Port of the embedded realtime server (when Pusher is not configured). Default: 6001
  REALTIME_PORT: z.coerce.number().int().positive().default(6001),

  // Durable jobs: Inngest Cloud with INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY, or a developer's
  // Inngest dev server with INNGEST_DEV=1 (+ INNGEST_BASE_URL); else the embedded local executor.
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_DEV: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  INNGEST_BASE_URL: optionalUrl,
  /// The daily blob sweep deletes unreferenced blobs (instead of only reporting them).
  BLOB_SWEEP_DELETE: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),

  // Models: the offline designer unless a workspace or these variables choose a provider.
  /// Default provider for workspaces that have not chosen one: designer | openai | anthropic | openai-compatible | gateway
  AI_PROVIDER: z.enum(["designer", "openai", "anthropic", "openai-compatible", "gateway"]).optional(),
  /// Default model id for that provider (e.g. gpt-5-mini, claude-sonnet-4-5, qwen2.5-coder:14b).
  AI_MODEL: optionalString,
  OPENAI_API_KEY: optionalString,
  ANTHROPIC_API_KEY: optionalString,
  AI_GATEWAY_API_KEY: optionalString,
  /// An OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio), e.g. http://127.0.0.1:11434/v1
  OPENAI_COMPATIBLE_BASE_URL: optionalUrl,
  OPENAI_COMPATIBLE_API_KEY: optionalString,
  /// 32+ character key that encrypts the provider keys workspaces bring. Default: derived from AUTH_SECRET.
  ENCRYPTION_KEY: optionalString,

  // Sandboxes (live previews, builds): E2B when E2B_API_KEY is set, else local dev servers.
  /// Where the local driver keeps shared dependencies and per-project folders. Default: DATA_DIR/sandboxes
  SANDBOX_DIR: optionalString,
  E2B_API_KEY: optionalString,
  /// The E2B template (sandbox-template/) with the preview dependencies baked in.
  E2B_TEMPLATE_ID: z.string().trim().default("pagecraft-preview"),
  /// Minutes without a viewer before a preview pauses.
  PREVIEW_IDLE_MINUTES: z.coerce.number().positive().default(10),
  /// Minutes a paused preview stays frozen (local driver: resumes in milliseconds, keeps its memory)
  /// before its dev server is stopped (frees the memory; resuming then takes a warm-pool claim). 0: stop at once.
  PREVIEW_FREEZE_MINUTES: z.coerce.number().min(0).default(20),
  /// Most paused previews kept frozen at once (local driver): pausing one more stops the dev servers
  /// frozen the longest, as PREVIEW_FREEZE_MINUTES would, so paused previews cannot fill the memory.
  /// 0: never freeze (stop at once).
  PREVIEW_MAX_FROZEN: z.coerce.number().int().min(0).default(8),
  /// Pre-started dev servers kept ready for new previews (local driver). 0 turns the pool off.
  PREVIEW_POOL_SIZE: z.coerce.number().int().min(0).default(2),
  /// Live (not paused) previews allowed per workspace.
  PREVIEW_MAX_PER_WORKSPACE: z.coerce.number().int().positive().default(5),
  /// Port the preview gateway listens on (with PREVIEW_ORIGIN unset, also the port in preview URLs).
  /// Default: 3001 (the studio is on 3000; the end-to-end suite's studio on 3100).
  PREVIEW_PORT: z.coerce.number().int().positive().default(3001),
  /// The address the preview gateway listens on. Default: 127.0.0.1 (0.0.0.0 in a container).
  PREVIEW_LISTEN_HOST: optionalString.transform((value) => value ?? "127.0.0.1"),
  /// Where browsers reach previews, `{id}` standing for the preview id, e.g.
  /// https://{id}.preview.example.com (wildcard DNS to the gateway). Default: http://{id}.preview.localhost:<PREVIEW_PORT>
  PREVIEW_ORIGIN: optionalString.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const parsed = parsePreviewOrigin(value);
    if (typeof parsed === "string") {
      ctx.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    }
    return parsed;
  }),
  /// Memory limit per preview sandbox, in MB (a cgroup where one can be made, and Node's heap).
  PREVIEW_MEMORY_MB: z.coerce.number().int().min(128).default(512),
});

export type Env = z.infer<typeof schema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

export const env = parseEnv(process.env);

/** Absolute path of the embedded drivers' data folder. */
export const dataDir = path.resolve(env.DATA_DIR);

/** Absolute path of the local sandbox driver's folder. */
export const sandboxDir = env.SANDBOX_DIR ? path.resolve(env.SANDBOX_DIR) : path.join(dataDir, "sandboxes");

export const isProduction = env.NODE_ENV === "production";

/** True while `next build` runs (nothing is served, so runtime-only warnings stay quiet). */
export const isBuildPhase = env.NEXT_PHASE === "phase-production-build";

/**
 * The variables of this process's environment whose names match `keep`, for a child process that
 * must not inherit the rest (the studio's secrets): an npm install gets npm's part, say.
 */
export function inheritedEnvironment(keep: RegExp): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => keep.test(entry[0]) && entry[1] !== undefined,
    ),
  ) as NodeJS.ProcessEnv;
}
