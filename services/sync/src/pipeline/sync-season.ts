import { createHash } from "node:crypto";
import type { Db, TaskContext } from "@matchday/shared";
import type { FootballDataSource } from "../clients/football-data.js";
import { CsvFormatError } from "../domain/csv-format-error.js";
import { parseFixturesCsv, parseResultsCsv } from "../domain/parse-results.js";
import type { ParsedFile } from "../domain/parsed-match.js";
import { applyFixtures, type AppliedFixtures } from "../repo/apply-fixtures.js";
import {
  applySeasonFile,
  type AppliedSeasonFile,
  type ApplySeasonOptions,
} from "../repo/apply-season-file.js";
import { recordRejectedRows } from "../repo/rejected-rows.js";

/** The part of a task's context a sync step uses (the benchmark builds one without a worker). */
export type RunContext = Pick<TaskContext, "signal" | "now" | "logger">;

/** SHA-256 of a file's bytes, lowercase hex. */
export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A season file fetched and parsed, not yet applied. */
export interface PreparedSeason {
  league: string;
  season: string;
  origin: string;
  sha256: string;
  parsed: ParsedFile;
}

/**
 * Fetches and parses one league's season file (no database work), so that a multi-file sync can
 * prepare the next file while PostgreSQL applies the current one. Errors as in `syncSeason`.
 */
export async function prepareSeason(
  deps: { db: Db; source: FootballDataSource },
  target: { league: string; season: string },
  run: RunContext,
): Promise<PreparedSeason> {
  return refusingUnusableFiles(deps.db, target, run, async () => {
    const file = await deps.source.fetchSeason(target.league, target.season, run.signal);
    const parsed = parseResultsCsv(file.body, file.origin);
    return { ...target, origin: file.origin, sha256: sha256Hex(file.body), parsed };
  });
}

/** Applies a prepared season file in one transaction and logs what it did. */
export async function applyPreparedSeason(
  db: Db,
  prepared: PreparedSeason,
  run: RunContext,
  options: ApplySeasonOptions = {},
): Promise<AppliedSeasonFile> {
  const startedAt = performance.now();
  const { league, season } = prepared;
  const applied = await applySeasonFile(
    db,
    { ...prepared, syncedAt: run.now() },
    { signal: run.signal, ...options },
  );
  run.logger.info(
    {
      ...applied.counts,
      sameFile: applied.sameFile,
      changedResults: applied.changedResultMatchIds.length,
      createdTeams: applied.createdTeams.length,
      missingMatches: applied.missingMatches,
      ms: Math.round(performance.now() - startedAt),
    },
    `applied ${league} ${season}`,
  );
  return applied;
}

/**
 * Fetches, parses and applies one league's season file (one transaction). Errors keep their kind:
 * a file the source does not have is a `SeasonNotPublishedError` and an HTML or header-less body a
 * `CsvFormatError` (both non-retryable; nothing of the file is written, and a `CsvFormatError` is
 * recorded as a line-0 row of `sync.rejected_rows` so the refusal is on record); network errors and
 * 5xx answers stay retryable.
 */
export async function syncSeason(
  deps: { db: Db; source: FootballDataSource },
  target: { league: string; season: string },
  run: RunContext,
  options: ApplySeasonOptions = {},
): Promise<AppliedSeasonFile> {
  return applyPreparedSeason(deps.db, await prepareSeason(deps, target, run), run, options);
}

/**
 * Fetches, parses and applies `fixtures.csv` for `leagues` (one transaction); same error kinds as
 * `syncSeason`.
 */
export async function syncFixtures(
  deps: { db: Db; source: FootballDataSource },
  leagues: readonly string[],
  run: RunContext,
): Promise<AppliedFixtures> {
  const applied = await refusingUnusableFiles(
    deps.db,
    { league: null, season: null },
    run,
    async () => {
      const file = await deps.source.fetchFixtures(run.signal);
      const parsed = parseFixturesCsv(file.body, file.origin);
      return applyFixtures(
        deps.db,
        { origin: file.origin, parsed, leagues },
        { signal: run.signal },
      );
    },
  );
  run.logger.info(
    { ...applied.counts, rejected: applied.rejected, otherLeagues: applied.otherLeagues },
    "applied fixtures",
  );
  return applied;
}

/** Runs `work`; a `CsvFormatError` is recorded as a whole-file reject (line 0), then rethrown. */
async function refusingUnusableFiles<T>(
  db: Db,
  scope: { league: string | null; season: string | null },
  run: RunContext,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof CsvFormatError) {
      await recordRejectedRows(db, scope, [{ file: err.file, line: 0, reason: err.problem }]).catch(
        (recordErr: unknown) =>
          run.logger.error({ err: recordErr }, "could not record the refused file"),
      );
    }
    throw err;
  }
}
