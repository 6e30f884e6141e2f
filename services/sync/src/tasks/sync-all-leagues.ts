import type { PayloadOf, SyncResult, syncAllLeagues, TaskContext } from "@matchday/shared";
import { currentSeasonTargets } from "../domain/sync-plans.js";
import type { SyncDeps } from "../pipeline/sync-deps.js";
import { syncMany } from "../pipeline/sync-many.js";

/**
 * `sync_all_leagues`: the current season of every configured league (SYNC_LEAGUES), then
 * `fixtures.csv` for those leagues. The current season follows the service clock (`2526` from
 * 2025-07-01 UTC) unless SYNC_SEASON pins it.
 *
 * When one league fails, the others still apply: each file commits in its own transaction, and the
 * task fails at the end with a `SyncFailuresError` listing the failures, retried by the runtime
 * (cheaply: the files already applied come back unchanged without a write) unless every failure is
 * permanent, e.g. a season not yet published, which dead-letters it at once.
 */
export async function handleSyncAllLeagues(
  _payload: PayloadOf<typeof syncAllLeagues>,
  ctx: TaskContext,
  deps: SyncDeps,
): Promise<SyncResult> {
  const seasons = currentSeasonTargets(deps.settings, ctx.now());
  return syncMany(deps, { seasons, fixtures: true }, ctx);
}
