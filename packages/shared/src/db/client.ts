import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.js";

/** The database every repository function takes: node-postgres or PGlite, same code. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  /**
   * Runs one fixed statement on the driver directly, skipping drizzle's query building. Only for
   * the few statements every task message runs (the run records); everything else goes through `db`.
   */
  statement: RunStatement;
  /**
   * `statement` on connections whose commits do not wait for their WAL flush
   * (`synchronous_commit = off`, set per connection): a committed row is visible at once and becomes
   * durable with the next synchronous commit that writes WAL, or within the WAL writer's delay
   * (200 ms by default); a PostgreSQL crash can lose only that last instant. Only for writes whose
   * loss is caught before it matters: run starts and finishes, which the run recorder makes
   * durable, and checks, before a message is acknowledged. PGlite: `statement`.
   */
  relaxedStatement: RunStatement;
  kind: "postgres" | "pglite";
  /** A short description for logs (never the password). */
  describe: string;
  close(): Promise<void>;
  /** Runs raw SQL (tests, health checks). */
  query(sqlText: string): Promise<unknown[]>;
}

/**
 * A statement with a fixed text. Named, PostgreSQL keeps it prepared on each connection (parsed
 * once; after five runs, planned once for any parameters); unnamed, it is parsed and planned per call.
 */
export interface Statement {
  name?: string;
  text: string;
}

export type RunStatement = <R>(statement: Statement, params: unknown[]) => Promise<R[]>;

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
    // `poolSize` is the process's connections in all: half of them (1 to 6) write run starts and
    // finishes (the run recorder keeps at most 3 statements of each in flight).
    const size = opts.poolSize ?? 10;
    const relaxedSize = Math.min(6, Math.max(1, Math.floor(size / 2)));
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: Math.max(1, size - relaxedSize),
      application_name: opts.applicationName ?? "matchday",
      connectionTimeoutMillis: 10_000,
    });
    const relaxedPool = new pg.Pool({
      connectionString: opts.url,
      max: relaxedSize,
      application_name: `${opts.applicationName ?? "matchday"}-relaxed`,
      connectionTimeoutMillis: 10_000,
      options: "-c synchronous_commit=off",
    });
    // A PostgreSQL restart kills idle clients: log-free recovery, the pool opens new ones.
    pool.on("error", () => {});
    relaxedPool.on("error", () => {});
    const db = drizzle(pool, { schema }) as unknown as Db;
    const on =
      (p: InstanceType<typeof pg.Pool>): RunStatement =>
      async <R>(st: Statement, values: unknown[]) =>
        (
          await p.query(
            st.name ? { name: st.name, text: st.text, values } : { text: st.text, values },
          )
        ).rows as R[];
    return {
      db,
      statement: on(pool),
      relaxedStatement: on(relaxedPool),
      kind: "postgres",
      describe: redactUrl(opts.url),
      close: async () => {
        await Promise.all([pool.end(), relaxedPool.end()]);
      },
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
  const statement: RunStatement = async <R>(st: Statement, values: unknown[]) =>
    (await client.query<R>(st.text, values)).rows;
  return {
    db,
    statement,
    relaxedStatement: statement,
    kind: "pglite",
    describe: dir ? `pglite:${dir}` : "pglite:memory",
    close: () => client.close(),
    query: async (q) => (await client.query(q)).rows,
  };
}
