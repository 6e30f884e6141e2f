import type { PayloadOf, SyncResult, syncSingleLeague, TaskContext } from "@matchday/shared";
import { summarizeSync } from "../domain/sync-summary.js";
import type { SyncDeps } from "../pipeline/sync-deps.js";
import { syncSeason } from "../pipeline/sync-season.js";

/**
 * `sync_single_league {league, season}`: fetches `<season>/<league>.csv`, parses it and applies it in
 * one transaction. Any league code and season may be asked for, configured or not. A season the
 * source does not have (404, missing file) or a body that is not a football-data CSV fails with a
 * non-retryable error (dead-lettered at once, nothing written); network errors and 5xx answers are
 * retried by the runtime.
 */
export async function handleSyncSingleLeague(
  payload: PayloadOf<typeof syncSingleLeague>,
  ctx: TaskContext,
  deps: SyncDeps,
): Promise<SyncResult> {
  return summarizeSync([await syncSeason(deps, payload, ctx)]);
}
