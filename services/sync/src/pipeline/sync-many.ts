import type { SyncResult, TaskContext } from "@matchday/shared";
import type { SeasonTarget } from "../domain/sync-plans.js";
import { summarizeSync, type FileOutcome, type FixturesOutcome } from "../domain/sync-summary.js";
import type { SyncDeps } from "./sync-deps.js";
import { SyncFailuresError, type SyncFailure } from "./sync-failures-error.js";
import {
  applyPreparedSeason,
  prepareSeason,
  syncFixtures,
  type PreparedSeason,
} from "./sync-season.js";

/** The files a multi-file sync task covers. */
export interface SyncPlan {
  seasons: readonly SeasonTarget[];
  /** Also apply `fixtures.csv` (for the configured leagues). */
  fixtures: boolean;
  /** Diff every file even when its bytes equal the last applied ones (after a parser change). */
  force?: boolean;
}

/**
 * Applies every file of `plan` in order, each in its own transaction, and returns the task's result.
 * While PostgreSQL applies one file, the next one is fetched and parsed (the two sides work at once
 * on a multi-core machine; the HTTP source's minimum interval still spaces the requests).
 *
 * One file failing does not stop the others (they are independent, and what they bring is worth
 * having now): the failures are collected and, at the end, thrown together as a `SyncFailuresError`
 * (retryable unless every failure is permanent), so the task is retried or dead-lettered with the
 * list. An abort (time limit, shutdown) stops at once.
 */
export async function syncMany(
  deps: SyncDeps,
  plan: SyncPlan,
  ctx: Pick<TaskContext, "signal" | "now" | "logger" | "heartbeat">,
): Promise<SyncResult> {
  const files: FileOutcome[] = [];
  const failures: SyncFailure[] = [];
  let fixtures: FixturesOutcome | undefined;
  const attempt = async (file: string, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      ctx.logger.warn({ err: error, file }, `sync of ${file} failed; continuing with the others`);
      failures.push({ file, error });
    }
    ctx.heartbeat();
  };
  const prepare = (i: number): Promise<PreparedSeason> | undefined => {
    const target = plan.seasons[i];
    if (!target) return undefined;
    const prepared = prepareSeason(deps, target, ctx);
    // Awaited (and its error handled) in turn below; this only keeps an early failure from being
    // reported as unhandled while the previous file is still applying.
    prepared.catch(() => {});
    return prepared;
  };

  let next = prepare(0);
  for (let i = 0; i < plan.seasons.length; i++) {
    const target = plan.seasons[i]!;
    const current = next!;
    next = prepare(i + 1);
    await attempt(`${target.league} ${target.season}`, async () => {
      files.push(
        await applyPreparedSeason(deps.db, await current, ctx, { force: plan.force ?? false }),
      );
    });
  }
  if (plan.fixtures) {
    await attempt("fixtures", async () => {
      fixtures = await syncFixtures(deps, deps.settings.leagues, ctx);
    });
  }
  if (failures.length > 0) {
    throw new SyncFailuresError(failures, files.length + (fixtures ? 1 : 0));
  }
  return summarizeSync(files, fixtures);
}
