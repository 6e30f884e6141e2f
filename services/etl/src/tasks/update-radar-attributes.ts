import {
  skip,
  type PayloadOf,
  type ResultInputOf,
  type Skip,
  type TaskContext,
  type updateRadarAttributes,
} from "@matchday/shared";

import type { SofaAttributeOverviews } from "../clients/schemas/sofascore.js";
import { isUpstreamNotFound } from "../clients/upstream-not-found-error.js";
import {
  computeRadars,
  RADAR_POSITIONS,
  selectAttributeOverview,
  type RadarPosition,
} from "../domain/radar.js";
import {
  saveRadarsAndAttributes,
  type NewPlayerAttributes,
  type NewPlayerRadar,
} from "../repo/radars.js";
import { readSeasonStats, sofaColumnsOf } from "../repo/season-stats.js";
import type { EtlDeps } from "./etl-deps.js";
import { loadSeasonContext } from "./season-context.js";

type Payload = PayloadOf<typeof updateRadarAttributes>;
type Result = ResultInputOf<typeof updateRadarAttributes>;

const isPosition = (p: string): p is RadarPosition =>
  (RADAR_POSITIONS as readonly string[]).includes(p);

/**
 * `update_radar_attributes` (after `update_season_stats`): per mapped player, SofaScore's attribute
 * overview as the old system showed it (his own, else his position's average flagged as such, else
 * none), and our own radar over the stored season statistics: percentile ranks within position
 * (0–100) among players with at least `RADAR_MIN_MINUTES` league minutes; a player below is stored
 * as `below-minutes` and counted. One transaction after every answer parsed.
 */
export async function handleUpdateRadarAttributes(
  payload: Payload,
  ctx: TaskContext,
  deps: EtlDeps,
): Promise<Result | Skip> {
  const season = await loadSeasonContext(payload.season, ctx, deps);
  const stats = await readSeasonStats(deps.db, season.season);
  if (stats.length === 0) {
    return skip(`season ${season.season}: no season statistics yet (run update_season_stats)`);
  }
  const minMinutes = deps.settings.radarMinMinutes;
  const result = computeRadars(
    stats.flatMap((row) => {
      if (!isPosition(row.position)) return [];
      const columns = sofaColumnsOf(row);
      return [
        {
          playerId: row.fplElementId,
          position: row.position,
          minutes: columns.minutes_played ?? row.minutes,
          columns,
        },
      ];
    }),
    { minMinutes },
  );
  const radars: NewPlayerRadar[] = [
    ...result.radars.map((r) => ({
      fplElementId: r.playerId,
      position: r.position,
      minutes: r.minutes,
      minMinutes,
      status: "ranked",
      ...r.groups,
      metrics: r.metrics,
    })),
    ...result.belowThreshold.map((b) => ({
      fplElementId: b.playerId,
      position: b.position,
      minutes: b.minutes,
      minMinutes,
      status: "below-minutes",
      attacking: null,
      technical: null,
      tactical: null,
      defending: null,
      creativity: null,
      metrics: {},
    })),
  ];

  const attributes: NewPlayerAttributes[] = [];
  const counts = { player: 0, "positional-average": 0, none: 0 };
  for (const el of [...season.bootstrap.elements].sort((a, b) => a.id - b.id)) {
    const sofaPlayerId = season.sofaPlayerOf.get(el.id);
    if (sofaPlayerId === undefined) continue;
    ctx.heartbeat();
    let overviews: SofaAttributeOverviews = {
      playerAttributeOverviews: [],
      averageAttributeOverviews: [],
    };
    try {
      overviews = await deps.sofa.attributeOverviews(sofaPlayerId, ctx.signal);
    } catch (err) {
      if (!isUpstreamNotFound(err)) throw err;
    }
    const shown = selectAttributeOverview(overviews);
    counts[shown.source]++;
    const o = shown.source === "none" ? undefined : shown.overview;
    attributes.push({
      fplElementId: el.id,
      sofaPlayerId,
      source: shown.source,
      isAverage: shown.source === "positional-average",
      attacking: o?.attacking ?? null,
      technical: o?.technical ?? null,
      tactical: o?.tactical ?? null,
      defending: o?.defending ?? null,
      creativity: o?.creativity ?? null,
      sofaPosition: o?.position ?? null,
      yearShift: o?.yearShift ?? null,
      history: shown.source === "player" ? shown.history.filter((h) => h.yearShift > 0) : [],
    });
  }
  await saveRadarsAndAttributes(deps.db, season.season, attributes, radars);
  ctx.logger.info(
    {
      season: season.season,
      ranked: result.radars.length,
      belowMinutes: result.belowThreshold.length,
      minMinutes,
      attributes: counts,
    },
    "radars and attribute overviews stored",
  );
  return {
    season: season.season,
    players: result.radars.length,
    belowMinutes: result.belowThreshold.length,
  };
}
