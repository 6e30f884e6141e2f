import type { Db, SyncResult } from "@matchday/shared";
import { diffMatches, type MatchDiff } from "../domain/diff.js";
import { duplicateRejects } from "../domain/division-check.js";
import type { ParsedFile, ParsedMatch } from "../domain/parsed-match.js";
import { seasonCodeFor } from "@matchday/shared";
import { createBatchRunner, type ApplyOptions } from "./batches.js";
import { recordRejectedRows } from "./rejected-rows.js";
import { ensureLeague, lockSeason } from "./seasons.js";
import { loadStoredMatches } from "./stored-matches.js";
import { resolveTeams, TeamSource } from "./teams.js";
import { writeMatchDiff } from "./write-matches.js";

/** A parsed `fixtures.csv` (upcoming matches of many leagues). */
export interface FixturesFileInput {
  origin: string;
  parsed: ParsedFile;
  /** Only rows of these leagues are applied; the file covers every league football-data follows. */
  leagues: readonly string[];
}

/** What applying the fixtures file did. */
export interface AppliedFixtures {
  counts: NonNullable<SyncResult["fixtures"]>;
  /** Rows refused (parse errors, duplicates), recorded in `sync.rejected_rows`. */
  rejected: number;
  /** Rows of leagues not configured: not applied. */
  otherLeagues: number;
  createdTeams: string[];
  writes: number;
}

/** The season a fixture belongs to: by its UK date, with the July 1 boundary. */
function seasonOf(match: ParsedMatch): string {
  return seasonCodeFor(new Date(`${match.date}T00:00:00Z`));
}

/**
 * Applies football-data's `fixtures.csv` in one transaction: each upcoming match of a configured
 * league is inserted as `scheduled` into its (league, season) (the season from its date), or its
 * kickoff and odds updated when they moved. A fixture never overwrites a match already `finished`
 * (a late fixtures file must not erase a result): such rows count as unchanged. Rows of other
 * leagues are skipped and counted in `otherLeagues`. Season locks are taken in a fixed order before
 * any team is created, the same order an apply of one season uses, so concurrent syncs cannot
 * deadlock.
 */
export async function applyFixtures(
  db: Db,
  input: FixturesFileInput,
  options: ApplyOptions = {},
): Promise<AppliedFixtures> {
  const wanted = new Set(input.leagues);
  const groups = new Map<string, { league: string; season: string; rows: ParsedMatch[] }>();
  let otherLeagues = 0;
  for (const m of input.parsed.matches) {
    if (!wanted.has(m.div)) {
      otherLeagues += 1;
      continue;
    }
    const season = seasonOf(m);
    const key = `${m.div}|${season}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { league: m.div, season, rows: [] }));
    group.rows.push(m);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);

  return db.transaction(async (tx) => {
    const runner = createBatchRunner(options);
    for (const g of ordered) await lockSeason(tx, g.league, g.season);
    for (const league of new Set(ordered.map((g) => g.league))) await ensureLeague(tx, league);
    const teams = await resolveTeams(
      tx,
      TeamSource.FootballData,
      ordered.flatMap((g) => g.rows.flatMap((m) => [m.homeTeam, m.awayTeam])),
    );
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    let rejected = input.parsed.rejected.length;
    await recordRejectedRows(tx, { league: null, season: null }, input.parsed.rejected, runner);
    for (const g of ordered) {
      const existing = await loadStoredMatches(tx, g.league, g.season);
      const finished = new Set(existing.filter((m) => m.status === "finished").map((m) => m.id));
      const diff = diffMatches({
        existing,
        parsed: g.rows,
        teamIdOf: (name) => teams.ids.get(name)!,
      });
      const updates = diff.updates.filter((u) => !finished.has(u.id));
      await writeMatchDiff(
        tx,
        { ...g, origin: input.origin },
        { inserts: diff.inserts, updates },
        runner,
      );
      const duplicates = duplicateRejects(input.origin, diff.duplicates);
      await recordRejectedRows(tx, g, duplicates, runner);
      rejected += duplicates.length;
      counts.inserted += diff.inserts.length;
      counts.updated += updates.length;
      counts.unchanged += unchangedCount(diff, updates.length);
    }
    return { counts, rejected, otherLeagues, createdTeams: teams.created, writes: runner.count };
  });
}

/** Unchanged rows, counting updates refused on finished matches as unchanged. */
function unchangedCount(diff: MatchDiff, appliedUpdates: number): number {
  return diff.unchanged.length + diff.updates.length - appliedUpdates;
}
