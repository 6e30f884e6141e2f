import type { PayloadOf, SyncResult, TaskContext, updateRecentResults } from "@matchday/shared";
import { currentSeasonTargets } from "../domain/sync-plans.js";
import type { SyncDeps } from "../pipeline/sync-deps.js";
import { syncMany } from "../pipeline/sync-many.js";

/**
 * `update_recent_results` (every 3 hours): re-reads the current season file of every configured
 * league and applies what changed: new results, corrected scores, fixtures that now have their
 * result (all listed in `changedResultMatchIds`). A file identical to the last one applied costs a
 * download and a parse, and writes nothing. No fixtures: `sync_all_leagues` brings those daily.
 */
export async function handleUpdateRecentResults(
  _payload: PayloadOf<typeof updateRecentResults>,
  ctx: TaskContext,
  deps: SyncDeps,
): Promise<SyncResult> {
  const seasons = currentSeasonTargets(deps.settings, ctx.now());
  return syncMany(deps, { seasons, fixtures: false }, ctx);
}
