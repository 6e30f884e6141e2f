/**
 * `update_radar_attributes`, the pure part: our own radar (percentile ranks within position) and
 * the display of SofaScore's attribute overviews.
 *
 * Our radar
 * - Peers: players of the same position (GK, DEF, MID, FWD) with at least `minMinutes` league
 *   minutes (default 900, ten full matches). Players below are not ranked; they are listed in
 *   `belowThreshold` with their minutes.
 * - Metrics ({@link RADAR_METRICS}): per-90 rates (and two success percentages) computed from the
 *   typed season-statistics columns, each in one group: attacking, technical, tactical, defending,
 *   creativity. Metrics marked `lowerIsBetter` are ranked on the negated value. Goalkeepers are
 *   ranked on their own defending metrics (saves, goals conceded, clean sheets per 90); outfield
 *   players on tackles, clearances and aerials.
 * - Percentile (mid-rank): among the n peers with a value for that metric,
 *   `P = (below + ½ · equal) / n × 100`, where `below` counts peers with a strictly worse value and
 *   `equal` those with the same value (the player included). So P is in (0, 100), ties share a
 *   percentile, a lone player gets 50, and raising the value never lowers P.
 * - Group score: the mean of the group's metric percentiles the player has (null if none).
 *
 * SofaScore's overviews: the entry with the lowest `yearShift` (0 = current season) of
 * `playerAttributeOverviews`; when that list is empty, the first `averageAttributeOverviews`
 * entry, flagged `source: "positional-average"`; when both are empty, `source: "none"`.
 */
import { per90, type SeasonStatColumns } from "./season-stats.js";

/** Positions we rank within. */
export const RADAR_POSITIONS = ["GK", "DEF", "MID", "FWD"] as const;
export type RadarPosition = (typeof RADAR_POSITIONS)[number];

/** Radar groups (SofaScore's five). */
export const RADAR_GROUPS = [
  "attacking",
  "technical",
  "tactical",
  "defending",
  "creativity",
] as const;
export type RadarGroup = (typeof RADAR_GROUPS)[number];

/** Default minimum league minutes to be ranked. */
export const DEFAULT_RADAR_MIN_MINUTES = 900;

/** FPL `element_type` (1–4) → position. */
export function positionFromFplElementType(elementType: number): RadarPosition {
  const p = RADAR_POSITIONS[elementType - 1];
  if (!p) throw new Error(`unknown FPL element_type ${elementType}`);
  return p;
}

/** One radar metric. */
export interface RadarMetric {
  id: string;
  group: RadarGroup;
  /** Human description with the unit. */
  description: string;
  /** Positions it applies to (all when absent). */
  positions?: readonly RadarPosition[];
  lowerIsBetter?: boolean;
  /** The value from the typed season columns; null when not computable. */
  value: (c: SeasonStatColumns) => number | null;
}

const p90 = (column: keyof SeasonStatColumns) => (c: SeasonStatColumns) =>
  per90(c[column], c.minutes_played);
const raw = (column: keyof SeasonStatColumns) => (c: SeasonStatColumns) => c[column];
const OUTFIELD = ["DEF", "MID", "FWD"] as const;

/** The documented metric set. */
export const RADAR_METRICS: readonly RadarMetric[] = [
  { id: "goals_p90", group: "attacking", description: "goals per 90", value: p90("goals") },
  {
    id: "xg_p90",
    group: "attacking",
    description: "expected goals per 90",
    value: p90("expected_goals"),
  },
  { id: "shots_p90", group: "attacking", description: "shots per 90", value: p90("total_shots") },
  {
    id: "shots_on_target_p90",
    group: "attacking",
    description: "shots on target per 90",
    value: p90("shots_on_target"),
  },
  {
    id: "accurate_passes_p90",
    group: "technical",
    description: "accurate passes per 90",
    value: p90("accurate_passes"),
  },
  {
    id: "pass_accuracy",
    group: "technical",
    description: "accurate passes, % of passes",
    value: raw("accurate_passes_percentage"),
  },
  {
    id: "dribbles_p90",
    group: "technical",
    description: "successful dribbles per 90",
    value: p90("successful_dribbles"),
  },
  {
    id: "accurate_long_balls_p90",
    group: "technical",
    description: "accurate long balls per 90",
    value: p90("accurate_long_balls"),
  },
  {
    id: "interceptions_p90",
    group: "tactical",
    description: "interceptions per 90",
    value: p90("interceptions"),
  },
  {
    id: "duels_won_pct",
    group: "tactical",
    description: "duels won, % of duels",
    value: raw("total_duels_won_percentage"),
  },
  {
    id: "fouls_p90",
    group: "tactical",
    description: "fouls committed per 90 (fewer is better)",
    lowerIsBetter: true,
    value: p90("fouls"),
  },
  {
    id: "possession_lost_p90",
    group: "tactical",
    description: "possession lost per 90 (fewer is better)",
    lowerIsBetter: true,
    value: p90("possession_lost"),
  },
  {
    id: "tackles_p90",
    group: "defending",
    description: "tackles per 90",
    positions: OUTFIELD,
    value: p90("tackles"),
  },
  {
    id: "clearances_p90",
    group: "defending",
    description: "clearances per 90",
    positions: OUTFIELD,
    value: p90("clearances"),
  },
  {
    id: "aerials_won_p90",
    group: "defending",
    description: "aerial duels won per 90",
    positions: OUTFIELD,
    value: p90("aerial_duels_won"),
  },
  {
    id: "saves_p90",
    group: "defending",
    description: "saves per 90",
    positions: ["GK"],
    value: p90("saves"),
  },
  {
    id: "goals_conceded_p90",
    group: "defending",
    description: "goals conceded per 90 (fewer is better)",
    positions: ["GK"],
    lowerIsBetter: true,
    value: p90("goals_conceded"),
  },
  {
    id: "clean_sheets_p90",
    group: "defending",
    description: "clean sheets per 90",
    positions: ["GK"],
    value: p90("clean_sheets"),
  },
  {
    id: "key_passes_p90",
    group: "creativity",
    description: "key passes per 90",
    value: p90("key_passes"),
  },
  {
    id: "big_chances_created_p90",
    group: "creativity",
    description: "big chances created per 90",
    value: p90("big_chances_created"),
  },
  {
    id: "xa_p90",
    group: "creativity",
    description: "expected assists per 90",
    value: p90("expected_assists"),
  },
  { id: "assists_p90", group: "creativity", description: "assists per 90", value: p90("assists") },
];

/**
 * Mid-rank percentile of `value` among `population` (which should include it):
 * `(count below + ½ · count equal) / n × 100`. Throws on an empty population.
 */
export function percentileRank(population: readonly number[], value: number): number {
  if (population.length === 0) throw new Error("percentile of an empty population");
  let below = 0;
  let equal = 0;
  for (const v of population) {
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return ((below + equal / 2) / population.length) * 100;
}

/** Mid-rank percentile of every value among all of them, in input order (O(n log n)). */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (
      end + 1 < n &&
      (order[end + 1] as readonly [number, number])[0] ===
        (order[start] as readonly [number, number])[0]
    )
      end++;
    const equal = end - start + 1;
    const pct = ((start + equal / 2) / n) * 100;
    for (let k = start; k <= end; k++) out[(order[k] as readonly [number, number])[1]] = pct;
    start = end + 1;
  }
  return out;
}

/** One player to rank. */
export interface RadarInput {
  playerId: number;
  position: RadarPosition;
  /** League minutes (the threshold applies to these). */
  minutes: number;
  columns: SeasonStatColumns;
}

/** One ranked player. */
export interface PlayerRadar {
  playerId: number;
  position: RadarPosition;
  minutes: number;
  /** Group score 0–100 (mean of the group's metric percentiles), null without any metric. */
  groups: Record<RadarGroup, number | null>;
  /** Per metric: the raw value and its percentile among the position's peers. */
  metrics: Record<string, { value: number; percentile: number; peers: number }>;
}

/** The result for one set of players. */
export interface RadarResult {
  radars: PlayerRadar[];
  /** Players below the minutes threshold: no radar. */
  belowThreshold: { playerId: number; position: RadarPosition; minutes: number }[];
  minMinutes: number;
}

/** Ranks `players` within position (see the module comment). */
export function computeRadars(
  players: readonly RadarInput[],
  options: { minMinutes?: number } = {},
): RadarResult {
  const minMinutes = options.minMinutes ?? DEFAULT_RADAR_MIN_MINUTES;
  const eligible = players.filter((p) => p.minutes >= minMinutes);
  const belowThreshold = players
    .filter((p) => p.minutes < minMinutes)
    .map(({ playerId, position, minutes }) => ({ playerId, position, minutes }));
  const radars = new Map<RadarInput, PlayerRadar>(
    eligible.map((p) => [
      p,
      {
        playerId: p.playerId,
        position: p.position,
        minutes: p.minutes,
        groups: {
          attacking: null,
          technical: null,
          tactical: null,
          defending: null,
          creativity: null,
        },
        metrics: {},
      },
    ]),
  );
  for (const position of RADAR_POSITIONS) {
    const peers = eligible.filter((p) => p.position === position);
    for (const metric of RADAR_METRICS) {
      if (metric.positions && !metric.positions.includes(position)) continue;
      const withValue = peers
        .map((p) => ({ p, value: metric.value(p.columns) }))
        .filter(
          (x): x is { p: RadarInput; value: number } =>
            x.value !== null && Number.isFinite(x.value),
        );
      const ranks = percentileRanks(
        withValue.map((x) => (metric.lowerIsBetter ? -x.value : x.value)),
      );
      withValue.forEach((x, i) => {
        (radars.get(x.p) as PlayerRadar).metrics[metric.id] = {
          value: x.value,
          percentile: ranks[i] as number,
          peers: withValue.length,
        };
      });
    }
  }
  for (const radar of radars.values()) {
    for (const group of RADAR_GROUPS) {
      const pcts = RADAR_METRICS.filter((m) => m.group === group)
        .map((m) => radar.metrics[m.id]?.percentile)
        .filter((v): v is number => v !== undefined);
      radar.groups[group] = pcts.length > 0 ? pcts.reduce((s, v) => s + v, 0) / pcts.length : null;
    }
  }
  return { radars: [...radars.values()], belowThreshold, minMinutes };
}

/** One SofaScore attribute overview (structurally the `SofaAttributeOverview` schema). */
export interface AttributeOverview {
  attacking: number;
  technical: number;
  tactical: number;
  defending: number;
  creativity: number;
  position: string;
  yearShift: number;
  id: number;
}

/** What to show for a player's SofaScore attributes, and where it came from. */
export type AttributeDisplay =
  | {
      source: "player";
      overview: AttributeOverview;
      isAverage: false;
      history: AttributeOverview[];
    }
  | { source: "positional-average"; overview: AttributeOverview; isAverage: true }
  | { source: "none" };

/** SofaScore's attribute overviews as the old system showed them (see the module comment). */
export function selectAttributeOverview(response: {
  playerAttributeOverviews: readonly AttributeOverview[];
  averageAttributeOverviews: readonly AttributeOverview[];
}): AttributeDisplay {
  const own = [...response.playerAttributeOverviews].sort((a, b) => a.yearShift - b.yearShift);
  const current = own[0];
  if (current) return { source: "player", overview: current, isAverage: false, history: own };
  const average = response.averageAttributeOverviews[0];
  if (average) return { source: "positional-average", overview: average, isAverage: true };
  return { source: "none" };
}
