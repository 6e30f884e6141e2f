import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.js";

/** The database every repository function takes: node-postgres or PGlite, same code. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** A short description for logs (never the password). */
  describe: string;
  close(): Promise<void>;
  /** Runs raw SQL (tests, health checks). */
  query(sqlText: string): Promise<unknown[]>;
}

/** Redacts the password of a connection string. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

/**
 * Opens PostgreSQL when `DATABASE_URL` is set, else embedded PGlite under `<dataDir>/pglite`
 * (`memory://` keeps it in memory). Both are lazy: the first query connects.
 */
export async function openDatabase(opts: {
  url?: string | undefined;
  dataDir?: string;
  poolSize?: number;
  applicationName?: string;
}): Promise<Database> {
  if (opts.url) {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      application_name: opts.applicationName ?? "matchday",
      connectionTimeoutMillis: 10_000,
    });
    // A PostgreSQL restart kills idle clients: log-free recovery, the pool opens new ones.
    pool.on("error", () => {});
    const db = drizzle(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      describe: redactUrl(opts.url),
      close: () => pool.end(),
      query: async (q) => (await pool.query(q)).rows,
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir =
    opts.dataDir === "memory://" || !opts.dataDir ? undefined : path.join(opts.dataDir, "pglite");
  if (dir) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    describe: dir ? `pglite:${dir}` : "pglite:memory",
    close: () => client.close(),
    query: async (q) => (await client.query(q)).rows,
  };
}
