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

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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

export const isProduction = env.NODE_ENV === "production";
