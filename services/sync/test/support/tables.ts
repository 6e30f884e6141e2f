import type { Database } from "@matchday/shared";

const SYNC_TABLES = [
  "leagues",
  "seasons",
  "teams",
  "team_aliases",
  "matches",
  "odds",
  "rejected_rows",
];

/**
 * A fingerprint of every `sync` table: row count and an order-independent checksum of the rows'
 * text, per table. Equal fingerprints mean equal contents (up to a hash collision).
 */
export async function syncTablesFingerprint(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of SYNC_TABLES) {
    const [row] = (await database.query(
      `select count(*)::text as n, coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from sync.${t} x`,
    )) as { n: string; h: string }[];
    out[t] = `${row!.n}:${row!.h}`;
  }
  return out;
}

/** Row counts of the `sync` tables. */
export async function syncTableCounts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SYNC_TABLES) {
    const [row] = (await database.query(`select count(*)::int as n from sync.${t}`)) as {
      n: number;
    }[];
    out[t] = row!.n;
  }
  return out;
}
