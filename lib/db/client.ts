// The Prisma client. PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set, else the
// embedded PGlite under DATA_DIR (one writer process: see ARCHITECTURE.md, "Facts").
// Deliberately no "server-only": scripts and tests import this module too.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { dataDir, env } from "@/lib/env";
import { PrismaClient as GeneratedPrismaClient } from "./generated/client";

// Secret columns are left out of every result unless a query asks for them with
// `omit: { passwordHash: false }`.
const omit = { user: { passwordHash: true } } as const;

function buildClient(adapter: PrismaPg | PrismaPGlite) {
  return new GeneratedPrismaClient({ adapter, omit });
}

/** The client type the app uses (with secret columns omitted by default). */
export type PrismaClient = ReturnType<typeof buildClient>;
export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Where the embedded database keeps its files. */
export const pgliteDir = path.join(dataDir, "pglite");

/**
 * A client over the given database: PostgreSQL when `databaseUrl` is set, else `pglite`.
 * For tests and scripts; the app uses `getDb()`. Closing a passed-in PGlite is the caller's job.
 */
export function createPrismaClient(options: { databaseUrl?: string; pglite?: PGlite }): PrismaClient {
  if (options.databaseUrl) return buildClient(new PrismaPg({ connectionString: options.databaseUrl }));
  if (options.pglite) return buildClient(new PrismaPGlite(options.pglite));
  throw new Error("createPrismaClient needs a databaseUrl or a PGlite instance");
}

type DbState = { client: PrismaClient; pglite?: PGlite; driver: "postgres" | "pglite" };

// On globalThis so Next dev's hot reloads reuse one client (and never open PGlite's folder twice).
const globalForDb = globalThis as typeof globalThis & { __pagecraftDb?: DbState };

function state(): DbState {
  if (!globalForDb.__pagecraftDb) {
    if (env.DATABASE_URL) {
      const client = createPrismaClient({ databaseUrl: env.DATABASE_URL });
      globalForDb.__pagecraftDb = { client, driver: "postgres" };
    } else {
      mkdirSync(pgliteDir, { recursive: true });
      const pglite = new PGlite(pgliteDir);
      globalForDb.__pagecraftDb = { client: createPrismaClient({ pglite }), pglite, driver: "pglite" };
    }
  }
  return globalForDb.__pagecraftDb;
}

/** The app's database client, created on first use. */
export function getDb(): PrismaClient {
  return state().client;
}

/** Which driver `getDb()` uses, for health reports. */
export function databaseDriver(): "postgres" | "pglite" {
  return globalForDb.__pagecraftDb?.driver ?? (env.DATABASE_URL ? "postgres" : "pglite");
}

/**
 * Points `getDb()` at another client (tests), or back to the default with `undefined`.
 * The caller owns the client it passes and closes it; `setDb(undefined)` does not.
 */
export function setDb(client: PrismaClient | undefined): void {
  globalForDb.__pagecraftDb = client ? { client, driver: databaseDriver() } : undefined;
}

/**
 * The database `getDb()` talks to, in the shape `applyMigrations` takes. In-process migrations on
 * the embedded database must reuse this PGlite instance: a second one on the folder corrupts it.
 */
export function getDbTarget(): { databaseUrl?: string; pglite?: PGlite } {
  const { pglite, driver } = state();
  if (pglite) return { pglite };
  if (driver === "postgres" && env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  throw new Error("getDbTarget: the current client was set with setDb() and has no known target");
}

/** Disconnects the client and closes the embedded database; the next `getDb()` opens them again. */
export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__pagecraftDb;
  if (!current) return;
  globalForDb.__pagecraftDb = undefined;
  await current.client.$disconnect();
  if (current.pglite && !current.pglite.closed) await current.pglite.close();
}
