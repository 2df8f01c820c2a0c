// Migrations through the wasm schema engine, and Prisma over the migrated database.
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, createMigration, MIGRATION_LOCK } from "@/lib/db/migrate";
import { createTestDb, type TestDb } from "./helpers/db";

const migrationsDir = path.resolve("prisma/migrations");

type MigrationRow = {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
};

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

describe("database migrations", () => {
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it("records one _prisma_migrations row per migration, with Prisma's checksum", async () => {
    const rows = await testDb.db.$queryRaw<MigrationRow[]>`
      SELECT id, checksum, migration_name, logs, finished_at, rolled_back_at, applied_steps_count
      FROM _prisma_migrations ORDER BY migration_name`;
    const names = await migrationNames();
    expect(names.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(testDb.target)).toEqual({ applied: [] });
    const [{ count }] = await testDb.db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM _prisma_migrations`;
    expect(Number(count)).toBe((await migrationNames()).length);
  });

  it("creates and reads a user, a workspace and a membership through Prisma", async () => {
    const { db } = testDb;
    const user = await db.user.create({
      data: { email: "ada@example.com", name: "Ada", passwordHash: "argon2-hash" },
    });
    // The global omit keeps the hash out of results unless a query asks for it.
    expect(user).not.toHaveProperty("passwordHash");
    const workspace = await db.workspace.create({
      data: { name: "Ada's", slug: "ada", memberships: { create: { userId: user.id, role: "owner" } } },
    });
    const found = await db.membership.findUniqueOrThrow({
      where: { userId_workspaceId: { userId: user.id, workspaceId: workspace.id } },
      include: { user: true, workspace: true },
    });
    expect(found.role).toBe("owner");
    expect(found.user.email).toBe("ada@example.com");
    expect(found.workspace.settings).toEqual({});
    const withHash = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      omit: { passwordHash: false },
    });
    expect(withHash.passwordHash).toBe("argon2-hash");
  });
});

describe("applying a broken migration", () => {
  let dir: string;
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await createTestDb();
    // A copy of the real history plus one migration that fails halfway.
    dir = await mkdtemp(path.join(tmpdir(), "pagecraft-migrations-"));
    for (const name of await migrationNames()) {
      await cp(path.join(migrationsDir, name), path.join(dir, name), { recursive: true });
    }
    await writeFile(path.join(dir, "migration_lock.toml"), MIGRATION_LOCK);
    const broken = path.join(dir, "99999999999999_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      'CREATE TABLE "Half" ("id" TEXT);\nSELECT * FROM "NoSuchTable";\n',
    );
  });
  afterAll(async () => {
    await testDb?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("fails, records the failure and leaves no half-applied changes", async () => {
    await expect(applyMigrations(testDb.target, { migrationsDir: dir })).rejects.toThrow(/NoSuchTable/);
    const rows = await testDb.db.$queryRaw<MigrationRow[]>`
      SELECT migration_name, finished_at, logs FROM _prisma_migrations
      WHERE migration_name = '99999999999999_broken'`;
    expect(rows).toHaveLength(1);
    expect(rows[0].finished_at).toBeNull();
    expect(rows[0].logs).toMatch(/NoSuchTable/);
    const half = await testDb.db.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('"Half"')::text AS t`;
    expect(half[0].t).toBeNull();
    // Like `prisma migrate deploy`, later runs refuse until the failure is resolved.
    await expect(applyMigrations(testDb.target, { migrationsDir: dir })).rejects.toThrow(/failed/i);
  });
});

describe("createMigration", () => {
  it('reports "no changes" when the schema matches the migrations', async () => {
    const before = await migrationNames();
    expect(await createMigration("nothing_to_do")).toEqual({ status: "no-changes" });
    expect(await migrationNames()).toEqual(before);
  });

  it("writes the SQL for a schema change into a new timestamped folder", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pagecraft-new-migration-"));
    try {
      const schemaPath = path.join(dir, "schema.prisma");
      await writeFile(
        schemaPath,
        'datasource db {\n  provider = "postgresql"\n}\n\nmodel Note {\n  id   Int    @id\n  body String\n}\n',
      );
      const result = await createMigration("Add notes!", {
        schemaPath,
        migrationsDir: path.join(dir, "migrations"),
        now: new Date("2030-01-02T03:04:05Z"),
      });
      expect(result).toMatchObject({ status: "created", name: "20300102030405_add_notes" });
      if (result.status !== "created") return;
      expect(await readFile(result.file, "utf8")).toContain('CREATE TABLE "Note"');
      expect(await readFile(path.join(dir, "migrations", "migration_lock.toml"), "utf8")).toBe(
        MIGRATION_LOCK,
      );
      // The new history now matches the schema.
      expect(
        await createMigration("again", { schemaPath, migrationsDir: path.join(dir, "migrations") }),
      ).toEqual({
        status: "no-changes",
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
