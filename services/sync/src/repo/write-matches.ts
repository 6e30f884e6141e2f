import { sql } from "drizzle-orm";
import { matches, odds, type Db, rowsOf } from "@matchday/shared";
import type { MatchInsert, MatchUpdate, MatchValues } from "../domain/diff.js";
import type { OddsRow } from "../domain/odds-rows.js";
import { chunk, type BatchRunner } from "./batches.js";
import { STAT_KEYS } from "./stored-matches.js";
import { columnList, unnestRows, valueList, type ArrayColumn } from "./unnest.js";

/** Matches per statement: ~30 array parameters each, a few hundred kB of values at most. */
export const MATCH_BATCH_ROWS = 1_000;
/** Odds rows per statement (a season is ~5,000–15,000 rows). */
export const ODDS_BATCH_ROWS = 10_000;

/** Where the written matches belong and come from. */
export interface MatchWriteTarget {
  league: string;
  season: string;
  /** The file (URL or path) the rows come from; stored with each row as `source_origin`. */
  origin: string;
}

/** `H`, `D` or `A` for a score, null without one. */
function resultLetter(home: number | null, away: number | null): string | null {
  if (home === null || away === null) return null;
  return home > away ? "H" : home < away ? "A" : "D";
}

/** The value columns of `sync.matches` (everything but identity and provenance constants). */
function matchValueColumns(items: readonly { values: MatchValues; line: number }[]): ArrayColumn[] {
  const col = (
    name: string,
    arrayType: string,
    pick: (v: MatchValues) => unknown,
    cast?: string,
  ): ArrayColumn => ({
    name,
    arrayType,
    values: items.map((i) => pick(i.values)),
    ...(cast ? { cast } : {}),
  });
  return [
    col(matches.kickoff.name, "timestamptz", (v) => v.kickoff.toISOString()),
    col(matches.hasTime.name, "boolean", (v) => v.hasTime),
    col(matches.status.name, "text", (v) => v.status, "sync.match_status"),
    col(matches.ftHomeGoals.name, "int", (v) => v.ftHome, "smallint"),
    col(matches.ftAwayGoals.name, "int", (v) => v.ftAway, "smallint"),
    col(matches.ftResult.name, "text", (v) => resultLetter(v.ftHome, v.ftAway), "char(1)"),
    col(matches.htHomeGoals.name, "int", (v) => v.htHome, "smallint"),
    col(matches.htAwayGoals.name, "int", (v) => v.htAway, "smallint"),
    col(matches.htResult.name, "text", (v) => resultLetter(v.htHome, v.htAway), "char(1)"),
    col(matches.referee.name, "text", (v) => v.referee),
    ...STAT_KEYS.map((key) => col(matches[key].name, "int", (v) => v.stats[key], "smallint")),
    col(matches.extra.name, "text", (v) => JSON.stringify(v.extra), "jsonb"),
    { name: matches.sourceLine.name, arrayType: "int", values: items.map((i) => i.line) },
  ];
}

/**
 * Inserts new matches in multi-row statements; returns their ids in the order of `inserts`.
 * Nothing is looked up per row: the ids come back from `returning`.
 */
export async function insertMatches(
  tx: Db,
  target: MatchWriteTarget,
  inserts: readonly MatchInsert[],
  runner: BatchRunner,
): Promise<number[]> {
  const ids: number[] = [];
  for (const batch of chunk(inserts, MATCH_BATCH_ROWS)) {
    const columns: ArrayColumn[] = [
      { name: matches.homeTeamId.name, arrayType: "int", values: batch.map((i) => i.homeTeamId) },
      { name: matches.awayTeamId.name, arrayType: "int", values: batch.map((i) => i.awayTeamId) },
      ...matchValueColumns(batch.map((i) => ({ values: i.values, line: i.match.line }))),
    ];
    const rows = await runner.run("matches", batch.length, async () =>
      rowsOf<{ id: number; home_team_id: number; away_team_id: number }>(
        await tx.execute(sql`
          insert into sync.matches (league, season, source_origin, ${columnList(columns)})
          select ${target.league}::text, ${target.season}::text, ${target.origin}::text,
            ${valueList(columns)}
          from ${unnestRows(columns)}
          returning id, home_team_id, away_team_id`),
      ),
    );
    const idOf = new Map(rows.map((r) => [`${r.home_team_id}-${r.away_team_id}`, r.id]));
    for (const i of batch) {
      const id = idOf.get(`${i.homeTeamId}-${i.awayTeamId}`);
      if (id === undefined) throw new Error(`insert returned no id for line ${i.match.line}`);
      ids.push(id);
    }
  }
  return ids;
}

/** Rewrites the values of changed matches (all value columns) in multi-row statements. */
export async function updateMatches(
  tx: Db,
  target: MatchWriteTarget,
  updates: readonly MatchUpdate[],
  runner: BatchRunner,
): Promise<void> {
  for (const batch of chunk(updates, MATCH_BATCH_ROWS)) {
    const values = matchValueColumns(batch.map((u) => ({ values: u.values, line: u.match.line })));
    const columns: ArrayColumn[] = [
      { name: "id", arrayType: "int", values: batch.map((u) => u.id) },
      ...values,
    ];
    const assignments = sql.join(
      values.map(
        (c) =>
          sql`${sql.identifier(c.name)} = v.${sql.identifier(c.name)}${c.cast ? sql.raw(`::${c.cast}`) : sql``}`,
      ),
      sql`, `,
    );
    await runner.run("matches", batch.length, () =>
      tx.execute(sql`
        update sync.matches m
        set ${assignments}, source_origin = ${target.origin}::text, updated_at = now()
        from ${unnestRows(columns)}
        where m.id = v.id`),
    );
  }
}

/** One odds row of one match. */
export interface MatchOddsRow {
  matchId: number;
  row: OddsRow;
}

/** Inserts odds rows in multi-row statements (the caller removed any previous rows of those matches). */
export async function insertOdds(
  tx: Db,
  rows: readonly MatchOddsRow[],
  runner: BatchRunner,
): Promise<void> {
  for (const batch of chunk(rows, ODDS_BATCH_ROWS)) {
    const col = (
      name: string,
      arrayType: string,
      pick: (r: MatchOddsRow) => unknown,
      cast?: string,
    ) => ({
      name,
      arrayType,
      values: batch.map(pick),
      ...(cast ? { cast } : {}),
    });
    const columns: ArrayColumn[] = [
      col(odds.matchId.name, "int", (r) => r.matchId),
      col(odds.bookmaker.name, "text", (r) => r.row.bookmaker),
      col(odds.market.name, "text", (r) => r.row.market, "sync.odds_market"),
      col(odds.line.name, "float8", (r) => r.row.line),
      col(odds.closing.name, "boolean", (r) => r.row.closing),
      col(odds.home.name, "float8", (r) => r.row.home),
      col(odds.draw.name, "float8", (r) => r.row.draw),
      col(odds.away.name, "float8", (r) => r.row.away),
      col(odds.over.name, "float8", (r) => r.row.over),
      col(odds.under.name, "float8", (r) => r.row.under),
      col(odds.bookCount.name, "int", (r) => r.row.bookCount, "smallint"),
    ];
    await runner.run("odds", batch.length, () =>
      tx.execute(sql`
        insert into sync.odds (${columnList(columns)})
        select ${valueList(columns)} from ${unnestRows(columns)}`),
    );
  }
}

/** Deletes every odds row of `matchIds` (before their new odds are inserted). */
export async function deleteOdds(
  tx: Db,
  matchIds: readonly number[],
  runner: BatchRunner,
): Promise<void> {
  for (const batch of chunk(matchIds, ODDS_BATCH_ROWS)) {
    await runner.run("odds", batch.length, () =>
      tx.execute(sql`delete from sync.odds where match_id = any(${sql.param(batch)}::int[])`),
    );
  }
}

/** The ids a written diff produced. */
export interface WrittenDiff {
  /** Ids of the inserted matches, in the order of `inserts`. */
  insertedIds: number[];
}

/**
 * Writes the inserts and updates of a diff: new matches and their odds, changed match values, and
 * for matches whose odds changed, their odds replaced (deleted, then inserted as the file has them:
 * a price the file no longer quotes goes). Unchanged matches are not touched. A few multi-row
 * statements per table, no per-row round trips.
 */
export async function writeMatchDiff(
  tx: Db,
  target: MatchWriteTarget,
  diff: { inserts: readonly MatchInsert[]; updates: readonly MatchUpdate[] },
  runner: BatchRunner,
): Promise<WrittenDiff> {
  const insertedIds = await insertMatches(tx, target, diff.inserts, runner);
  await updateMatches(tx, target, diff.updates, runner);
  const oddsChanged = diff.updates.filter((u) => u.changes.includes("odds"));
  await deleteOdds(
    tx,
    oddsChanged.map((u) => u.id),
    runner,
  );
  const newOdds: MatchOddsRow[] = [];
  diff.inserts.forEach((insert, i) => {
    const matchId = insertedIds[i]!;
    for (const row of insert.values.odds) newOdds.push({ matchId, row });
  });
  for (const u of oddsChanged)
    for (const row of u.values.odds) newOdds.push({ matchId: u.id, row });
  await insertOdds(tx, newOdds, runner);
  return { insertedIds };
}
