import type { Db, SyncResult } from "@matchday/shared";
import { diffMatches } from "../domain/diff.js";
import { duplicateRejects, splitByDivision } from "../domain/division-check.js";
import type { ParsedFile, ParsedMatch } from "../domain/parsed-match.js";
import { createBatchRunner, type ApplyOptions } from "./batches.js";
import { recordRejectedRows } from "./rejected-rows.js";
import {
  countSeasonMatches,
  ensureLeague,
  lockSeason,
  readSeasonState,
  recordSeasonApplied,
} from "./seasons.js";
import { loadStoredMatches } from "./stored-matches.js";
import { lookupTeams, resolveTeams, TeamSource } from "./teams.js";
import { writeMatchDiff } from "./write-matches.js";

/** One parsed season file of one league, ready to apply. */
export interface SeasonFileInput {
  league: string;
  season: string;
  /** URL or path the bytes came from. */
  origin: string;
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256: string;
  parsed: ParsedFile;
  /** When the sync saw the file (the service clock). */
  syncedAt: Date;
}

/** Counts of one file, as the completion event carries them. */
export type FileCounts = SyncResult["files"][number];

/** What applying one file did. */
export interface AppliedSeasonFile {
  counts: FileCounts;
  /** Matches whose result is new (a finished match inserted) or different after this apply. */
  changedResultMatchIds: number[];
  /** football-data names no alias knew: each created a team. */
  createdTeams: string[];
  /** Stored matches of the season the file no longer has (kept; worth a look). */
  missingMatches: number;
  /** The bytes equal the last applied file's: nothing was written. */
  sameFile: boolean;
  /** Write statements executed. */
  writes: number;
}

export interface ApplySeasonOptions extends ApplyOptions {
  /** Diff and apply even when the bytes equal the last applied file's (after a parser change). */
  force?: boolean;
}

const pairOf = (home: number, away: number) => `${home}-${away}`;

/**
 * Applies one league's season file to `sync.*` in one transaction: teams (aliases resolved, new names
 * create teams), matches inserted or updated where a value changed (results, kickoff, referee,
 * statistics, extra columns, odds), rejected rows recorded with file, line and reason, and the
 * season's last-applied file recorded. Any failure, in any statement, rolls all of it back.
 *
 * Idempotent: the same file twice writes nothing the second time and reports every row unchanged.
 * When the bytes equal the last applied file's (`sync.seasons.last_file_sha256`), the stored
 * season still holds at least as many matches as that file had, and its names still resolve to as
 * many distinct team pairs, the apply short-cuts: no match or odds read, no write, counts computed
 * from the parsed file (unchanged = distinct matches, rejected = rejected + duplicate rows). Pass
 * `force` to diff anyway.
 *
 * Rows whose `Div` is not `league`, and rows repeating a home/away pair, are rejected (the first of a
 * pair loads). Applies of the same (league, season) are serialized by an advisory lock.
 */
export async function applySeasonFile(
  db: Db,
  input: SeasonFileInput,
  options: ApplySeasonOptions = {},
): Promise<AppliedSeasonFile> {
  const { league, season, origin, parsed } = input;
  const division = splitByDivision(parsed.matches, league, origin);
  const rejectedBeforeDiff = [...parsed.rejected, ...division.rejected];
  const counts = (
    c: Pick<FileCounts, "inserted" | "updated" | "unchanged" | "rejected">,
  ): FileCounts => ({
    league,
    season,
    ...c,
    emptyRows: parsed.emptyRows,
  });

  return db.transaction(async (tx) => {
    await lockSeason(tx, league, season);
    if (!options.force) {
      const same = await sameAsLastApplied(tx, input, division.accepted);
      if (same) {
        return {
          counts: counts({
            inserted: 0,
            updated: 0,
            unchanged: same.distinct,
            rejected: rejectedBeforeDiff.length + division.accepted.length - same.distinct,
          }),
          changedResultMatchIds: [],
          createdTeams: [],
          missingMatches: 0,
          sameFile: true,
          writes: 0,
        };
      }
    }

    const runner = createBatchRunner(options);
    await ensureLeague(tx, league);
    const teams = await resolveTeams(
      tx,
      TeamSource.FootballData,
      division.accepted.flatMap((m) => [m.homeTeam, m.awayTeam]),
    );
    const existing = await loadStoredMatches(tx, league, season);
    const diff = diffMatches({
      existing,
      parsed: division.accepted,
      teamIdOf: (name) => teams.ids.get(name)!,
    });
    const { insertedIds } = await writeMatchDiff(tx, { league, season, origin }, diff, runner);
    const rejected = [...rejectedBeforeDiff, ...duplicateRejects(origin, diff.duplicates)];
    await recordRejectedRows(tx, { league, season }, rejected, runner);
    const matchCount = diff.inserts.length + diff.updates.length + diff.unchanged.length;
    await recordSeasonApplied(tx, {
      league,
      season,
      origin,
      sha256: input.sha256,
      matchCount,
      syncedAt: input.syncedAt,
    });

    const newResults = insertedIds.filter((_, i) => diff.inserts[i]!.values.status === "finished");
    return {
      counts: counts({
        inserted: diff.inserts.length,
        updated: diff.updates.length,
        unchanged: diff.unchanged.length,
        rejected: rejected.length,
      }),
      changedResultMatchIds: [...diff.changedResultMatchIds, ...newResults],
      createdTeams: teams.created,
      missingMatches: diff.missing.length,
      sameFile: false,
      writes: runner.count,
    };
  });
}

/**
 * When the file is the one last applied and the stored season still reflects it: the number of
 * distinct matches it holds. Undefined when a full diff is needed.
 */
async function sameAsLastApplied(
  tx: Db,
  input: SeasonFileInput,
  accepted: readonly ParsedMatch[],
): Promise<{ distinct: number } | undefined> {
  const state = await readSeasonState(tx, input.league, input.season);
  if (!state || state.lastFileSha256 !== input.sha256) return undefined;
  const ids = await lookupTeams(
    tx,
    TeamSource.FootballData,
    accepted.flatMap((m) => [m.homeTeam, m.awayTeam]),
  );
  const pairs = new Set<string>();
  for (const m of accepted) {
    const home = ids.get(m.homeTeam);
    const away = ids.get(m.awayTeam);
    if (home === undefined || away === undefined) return undefined;
    pairs.add(pairOf(home, away));
  }
  if (pairs.size !== state.matchCount) return undefined;
  const stored = await countSeasonMatches(tx, input.league, input.season);
  return stored >= state.matchCount ? { distinct: pairs.size } : undefined;
}
