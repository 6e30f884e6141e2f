import type { PayloadOf, ResultInputOf, TaskContext, updateSeasonStats } from "@matchday/shared";

import type { SofaPlayerSeasonStats } from "../clients/schemas/sofascore.js";
import { isUpstreamNotFound } from "../clients/upstream-not-found-error.js";
import { positionFromFplElementType } from "../domain/radar.js";
import { buildSeasonStatsRecord, fplSeasonTotals } from "../domain/season-stats.js";
import { saveSeasonStats, sofaColumnValues, type NewSeasonStats } from "../repo/season-stats.js";
import type { EtlDeps } from "./etl-deps.js";
import { loadSeasonContext } from "./season-context.js";

type Payload = PayloadOf<typeof updateSeasonStats>;
type Result = ResultInputOf<typeof updateSeasonStats>;

/**
 * `update_season_stats`: per FPL player of the run's season, the FPL totals from his
 * element-summary history (appearances, minutes, goals, assists, points, per-90 rates) and, for a
 * mapped player, SofaScore's season statistics as typed columns (the `SEASON_STAT_COLUMNS` mapping
 * table) beside the raw JSON. SofaScore's 404 is "no statistics"; a player with no league minutes
 * is stored as `no-data`, not an error. Everything is fetched and parsed before one transaction
 * writes it, so drift writes nothing.
 */
export async function handleUpdateSeasonStats(
  payload: Payload,
  ctx: TaskContext,
  deps: EtlDeps,
): Promise<Result> {
  const season = await loadSeasonContext(payload.season, ctx, deps);
  const elements = [...season.bootstrap.elements].sort((a, b) => a.id - b.id);
  const rows: NewSeasonStats[] = [];
  let noData = 0;
  for (const el of elements) {
    ctx.heartbeat();
    const summary = await deps.fpl.elementSummary(el.id, ctx.signal);
    const totals = fplSeasonTotals(summary.history);
    const sofaPlayerId = season.sofaPlayerOf.get(el.id);
    let sofa: SofaPlayerSeasonStats | undefined;
    if (sofaPlayerId !== undefined) {
      try {
        sofa = await deps.sofa.playerSeasonStats(sofaPlayerId, season.sofaSeasonId, ctx.signal);
      } catch (err) {
        if (!isUpstreamNotFound(err)) throw err;
      }
    }
    const record = buildSeasonStatsRecord(totals, sofa?.statistics);
    const sofaStats = record.status === "ok" ? record.sofascore : null;
    if (record.status === "no-data") noData++;
    rows.push({
      fplElementId: el.id,
      sofaPlayerId: sofaPlayerId ?? null,
      webName: el.web_name,
      fplTeamId: el.team,
      position: positionFromFplElementType(el.element_type),
      status: record.status,
      noDataReason: record.status === "no-data" ? record.reason : null,
      appearances: totals.appearances,
      minutes: totals.minutes,
      goals: totals.goals,
      assists: totals.assists,
      fplPoints: totals.points,
      goalsPer90: record.status === "ok" ? record.fplPer90.goals : null,
      assistsPer90: record.status === "ok" ? record.fplPer90.assists : null,
      fplPointsPer90: record.status === "ok" ? record.fplPer90.points : null,
      hasSofaStats: sofaStats !== null,
      ...sofaColumnValues(sofaStats?.columns ?? null),
      sofaPer90: sofaStats ? { ...sofaStats.per90 } : null,
      sofaUnmappedKeys: sofaStats ? sofaStats.unmappedKeys : null,
      sofaRaw: sofaStats ? sofaStats.raw : null,
    });
  }
  await saveSeasonStats(deps.db, season.season, rows);
  ctx.logger.info(
    { season: season.season, players: rows.length, noData },
    "season statistics stored",
  );
  return { season: season.season, players: rows.length, noData };
}
