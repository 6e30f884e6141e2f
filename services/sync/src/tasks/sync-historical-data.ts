import type { PayloadOf, SyncResult, syncHistoricalData, TaskContext } from "@matchday/shared";
import { historicalTargets } from "../domain/sync-plans.js";
import type { SyncDeps } from "../pipeline/sync-deps.js";
import { syncMany } from "../pipeline/sync-many.js";

/**
 * `sync_historical_data {seasons?}`: the last complete seasons (the payload's `seasons`, else
 * SYNC_HISTORY_SEASONS, default 5) before the current one, of every configured league, oldest season
 * first. Same failure rule as `sync_all_leagues`: every file that can apply does, then the failures
 * are reported together (a season the source never had, such as E1 2011/12 in the recorded data, is
 * permanent and dead-letters the task with the list).
 */
export async function handleSyncHistoricalData(
  payload: PayloadOf<typeof syncHistoricalData>,
  ctx: TaskContext,
  deps: SyncDeps,
): Promise<SyncResult> {
  const count = payload.seasons ?? deps.settings.historySeasons;
  const seasons = historicalTargets(deps.settings, ctx.now(), count);
  return syncMany(deps, { seasons, fixtures: false }, ctx);
}
