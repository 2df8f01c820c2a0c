// Database chores, offline: `tsx scripts/db.ts <command>`.
//   migrate               apply pending migrations (PGlite under DATA_DIR, or DATABASE_URL)
//   seed                  apply migrations, then add the demo data
//   reset [--force]       wipe the database, migrate, seed (--force for a non-loopback DATABASE_URL)
//   new-migration <name>  write prisma/migrations/<timestamp>_<name>/ from prisma/schema.prisma
// The embedded PGlite folder has one writer: stop `npm run dev` before running these against it.
import { rm } from "node:fs/promises";
import pg from "pg";
import { databaseDriver, disconnectDb, getDb, getDbTarget, pgliteDir } from "@/lib/db/client";
import { applyMigrations, createMigration } from "@/lib/db/migrate";
import { seedDatabase } from "@/lib/db/seed";
import { env } from "@/lib/env";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

async function migrate(): Promise<void> {
  const { applied } = await applyMigrations(getDbTarget());
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${databaseDriver()}: ${applied.join(", ")}`
      : `The ${databaseDriver()} database is up to date.`,
  );
}

async function seed(): Promise<void> {
  await migrate();
  await seedDatabase(getDb());
  console.log("Seeded.");
}

async function reset(force: boolean): Promise<void> {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    if (!LOOPBACK.has(url.hostname) && !force) {
      throw new Error(`Refusing to reset ${url.hostname}: not a loopback host. Pass --force if you mean it.`);
    }
    // Dropping the schema (not the database) needs no rights beyond owning it.
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('DROP SCHEMA IF EXISTS "public" CASCADE; CREATE SCHEMA "public";');
    } finally {
      await client.end();
    }
    console.log(`Dropped and recreated schema "public" on ${url.host}${url.pathname}.`);
  } else {
    await disconnectDb();
    await rm(pgliteDir, { recursive: true, force: true });
    console.log(`Deleted ${pgliteDir}.`);
  }
  await seed();
}

async function newMigration(name: string | undefined): Promise<void> {
  if (!name) throw new Error("Usage: npm run db:new-migration -- <name>");
  const result = await createMigration(name);
  if (result.status === "no-changes") {
    console.log("No changes: prisma/schema.prisma matches the migrations. Nothing written.");
    return;
  }
  console.log(`Wrote ${result.file}. Review it, then run \`npm run db:migrate\`.`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const args = rest.filter((a) => !a.startsWith("--"));
  switch (command) {
    case "migrate":
      return migrate();
    case "seed":
      return seed();
    case "reset":
      return reset(rest.includes("--force"));
    case "new-migration":
      return newMigration(args[0]);
    default:
      throw new Error("Usage: tsx scripts/db.ts migrate | seed | reset [--force] | new-migration <name>");
  }
}

main()
  .then(() => disconnectDb())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnectDb().catch(() => {});
    process.exitCode = 1;
  });
