// A fresh, migrated database per test file: an in-memory PGlite by default, or, when
// TEST_DATABASE_URL points at a PostgreSQL server on loopback, a new database with a random name
// on that server (created here, dropped in close()).
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

export type TestDb = {
  db: PrismaClient;
  /** Where the database lives, for tests that need to reach it without Prisma. */
  target: { databaseUrl?: string; pglite?: PGlite };
  close(): Promise<void>;
};

async function admin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createPostgresTestDb(serverUrl: string): Promise<TestDb> {
  const name = `pagecraft_test_${randomBytes(6).toString("hex")}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const drop = () => admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  try {
    await applyMigrations({ databaseUrl });
  } catch (error) {
    await drop();
    throw error;
  }
  const db = createPrismaClient({ databaseUrl });
  return {
    db,
    target: { databaseUrl },
    async close() {
      await db.$disconnect();
      await drop();
    },
  };
}

async function createPgliteTestDb(): Promise<TestDb> {
  const pglite = await PGlite.create(); // in memory
  await applyMigrations({ pglite });
  const db = createPrismaClient({ pglite });
  return {
    db,
    target: { pglite },
    async close() {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

export function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresTestDb(serverUrl) : createPgliteTestDb();
}
