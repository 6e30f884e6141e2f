import {
  skip,
  type collectHeatmaps,
  type PayloadOf,
  type ResultInputOf,
  type Skip,
  type TaskContext,
} from "@matchday/shared";

import { fetchPlayerHeatmap } from "../clients/sofascore.js";
import { heatmapGrid } from "../domain/heatmap-grid.js";
import { qualifyForHeatmap } from "../domain/qualify.js";
import {
  heatmapKey,
  insertHeatmap,
  refreshPlayerSeasonHeatmaps,
  storedHeatmapKeys,
} from "../repo/heatmaps.js";
import { confirmedLineupPlayers, latestLineupGameweek } from "../repo/lineups.js";
import type { EtlDeps } from "./etl-deps.js";
import { loadSeasonContext } from "./season-context.js";

type Payload = PayloadOf<typeof collectHeatmaps>;
type Result = ResultInputOf<typeof collectHeatmaps>;

const numberOr = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** The figures the qualifying rule reads, from a stored SofaScore statistics object. */
function matchFigures(s: Record<string, unknown>) {
  return {
    minutesPlayed: numberOr(s.minutesPlayed),
    rating: numberOr(s.rating),
    goals: numberOr(s.goals),
    goalAssist: numberOr(s.goalAssist),
  };
}

/**
 * `collect_heatmaps {gameweek}` (started by `update_lineups` completing): for each qualifying
 * appearance of the gameweek's confirmed lineups (`HEATMAP_RULE`), fetches the player's heatmap
 * and stores it at once, raw and as a normalised 10 × 10 grid, or records it unavailable (event
 * without heatmaps, empty list, 404) so it is never requested again. Pairs already stored are
 * skipped, so a redelivery or a restart continues where the last attempt stopped and nothing is
 * stored twice. Heartbeats per player. A 429 the HTTP client could not wait out (or any other
 * failed request) is thrown, never recorded as missing data: the runtime naks with backoff and the
 * redelivery resumes. Ends by refreshing the players' season aggregates.
 */
export async function handleCollectHeatmaps(
  payload: Payload,
  ctx: TaskContext,
  deps: EtlDeps,
): Promise<Result | Skip> {
  const season = await loadSeasonContext(payload.season, ctx, deps);
  const gameweek = payload.gameweek ?? (await latestLineupGameweek(deps.db, season.season));
  if (gameweek === undefined) return skip(`season ${season.season}: no lineups stored yet`);
  const fplPoints = new Map(season.bootstrap.elements.map((e) => [e.id, e.total_points]));
  const candidates = await confirmedLineupPlayers(deps.db, season.season, gameweek);
  const qualifying = candidates.flatMap((c) => {
    const decision = qualifyForHeatmap(
      { substitute: c.substitute, statistics: matchFigures(c.statistics) },
      c.fplElementId === null ? undefined : fplPoints.get(c.fplElementId),
      deps.settings.heatmapRule,
    );
    return decision.qualifies ? [{ ...c, reasons: decision.reasons }] : [];
  });
  const stored = await storedHeatmapKeys(deps.db, season.season, [
    ...new Set(qualifying.map((q) => q.sofaEventId)),
  ]);

  let collected = 0;
  let unavailable = 0;
  let alreadyDone = 0;
  for (const q of qualifying) {
    if (stored.has(heatmapKey(q.sofaEventId, q.sofaPlayerId))) {
      alreadyDone++;
      continue;
    }
    ctx.heartbeat();
    const heatmap = await fetchPlayerHeatmap(
      deps.sofa,
      { id: q.sofaEventId, hasEventPlayerHeatMap: q.hasPlayerHeatmaps },
      q.sofaPlayerId,
      ctx.signal,
    );
    const grid = heatmap.available ? heatmapGrid(heatmap.points) : null;
    const inserted = await insertHeatmap(deps.db, season.season, {
      sofaEventId: q.sofaEventId,
      sofaPlayerId: q.sofaPlayerId,
      fplElementId: q.fplElementId,
      gameweek,
      qualifyReasons: q.reasons,
      fetchedAt: ctx.now(),
      ...(heatmap.available && grid
        ? {
            status: "collected" as const,
            unavailableReason: null,
            points: heatmap.points.map(({ x, y }) => ({ x, y })),
            grid,
            pointCount: grid.pointCount,
          }
        : {
            status: "unavailable" as const,
            unavailableReason: heatmap.available ? "empty" : heatmap.reason,
            points: null,
            grid: null,
            pointCount: 0,
          }),
    });
    if (!inserted) alreadyDone++;
    else if (heatmap.available && grid) collected++;
    else unavailable++;
  }
  const aggregates = await refreshPlayerSeasonHeatmaps(
    deps.db,
    season.season,
    qualifying.map((q) => q.sofaPlayerId),
  );
  ctx.logger.info(
    {
      season: season.season,
      gameweek,
      candidates: candidates.length,
      qualifying: qualifying.length,
      collected,
      unavailable,
      alreadyDone,
      aggregates,
    },
    "heatmaps collected",
  );
  return { collected, unavailable, alreadyDone };
}
