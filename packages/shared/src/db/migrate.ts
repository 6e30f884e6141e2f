import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Pool } from "pg";
import type { Database } from "./client.js";

/** The committed, generated SQL migrations (drizzle-kit generate). */
export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../drizzle",
);

/** An arbitrary constant: the advisory lock that serialises migrations across replicas. */
const MIGRATION_LOCK = 727_001;

/**
 * Applies pending migrations. On PostgreSQL it holds a session advisory lock for the duration, so N
 * replicas starting at once apply them once (the others wait, then find nothing to do).
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(database.db as any, { migrationsFolder });
    return;
  }
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  // One dedicated connection: the lock is per session.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const pool = (database.db as any).$client as Pool;
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
