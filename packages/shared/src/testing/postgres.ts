import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";

/** The server the tests use: TEST_DATABASE_URL, else the local default (its `postgres` database is used to create test databases). */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

export interface TestDatabase {
  url: string;
  name: string;
  database: Database;
  /** Closes and drops the database. */
  cleanup(): Promise<void>;
}

/** A fresh, migrated database for one test file (`matchday_test_<random>`), dropped afterwards. */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const admin = testDatabaseUrl();
  const name = `matchday_test_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${admin} (${(err as Error).message}); start it (Debian: pg_ctlcluster 15 main start) or set TEST_DATABASE_URL`,
    );
  }
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  if (opts.migrate !== false) await migrateDatabase(database);
  return {
    url: url.toString(),
    name,
    database,
    async cleanup() {
      await database.close().catch(() => {});
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
