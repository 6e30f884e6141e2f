/**
 * FPL scoring as it stood in 2022-23 and 2023-24 (the seasons with recordings here): the
 * per-fixture `explain` entries of `GET event/{gw}/live/` and their points. A test checks these
 * rules against the real 2022-23 gameweek 1 live recording.
 */

/** FPL `element_type`: 1 GK, 2 DEF, 3 MID, 4 FWD. */
export type FplElementType = 1 | 2 | 3 | 4;

/** One player's totals in one fixture (the live/explain identifiers). */
export interface FplMatchCounts {
  minutes: number;
  goals_scored: number;
  assists: number;
  clean_sheets: number;
  goals_conceded: number;
  own_goals: number;
  penalties_saved: number;
  penalties_missed: number;
  yellow_cards: number;
  red_cards: number;
  saves: number;
  bonus: number;
}

/** One `explain[].stats[]` entry. */
export interface FplExplainStat {
  identifier: keyof FplMatchCounts;
  points: number;
  value: number;
}

const GOAL_POINTS: Record<FplElementType, number> = { 1: 6, 2: 6, 3: 5, 4: 4 };
const CLEAN_SHEET_POINTS: Record<FplElementType, number> = { 1: 4, 2: 4, 3: 1, 4: 0 };

/** Points one identifier earns for `value` (per the 2022-23/2023-24 rules). */
export function fplPointsFor(
  identifier: keyof FplMatchCounts,
  value: number,
  type: FplElementType,
): number {
  switch (identifier) {
    case "minutes":
      return value >= 60 ? 2 : value > 0 ? 1 : 0;
    case "goals_scored":
      return value * GOAL_POINTS[type];
    case "assists":
      return value * 3;
    case "clean_sheets":
      return value * CLEAN_SHEET_POINTS[type];
    case "goals_conceded":
      return type <= 2 ? -Math.floor(value / 2) : 0;
    case "own_goals":
      return value * -2;
    case "penalties_saved":
      return value * 5;
    case "penalties_missed":
      return value * -2;
    case "yellow_cards":
      return -value;
    case "red_cards":
      return value * -3;
    case "saves":
      return Math.floor(value / 3);
    case "bonus":
      return value;
  }
}

/** Order in which FPL lists the explain entries. */
const EXPLAIN_ORDER: readonly (keyof FplMatchCounts)[] = [
  "minutes",
  "goals_scored",
  "assists",
  "clean_sheets",
  "goals_conceded",
  "own_goals",
  "penalties_saved",
  "penalties_missed",
  "yellow_cards",
  "red_cards",
  "saves",
  "bonus",
];

/**
 * The `explain[].stats` of one fixture: `minutes` always, every other identifier only when it
 * scores points (FPL omits zero-point entries such as one goal conceded or two saves).
 */
export function fplExplain(counts: FplMatchCounts, type: FplElementType): FplExplainStat[] {
  return EXPLAIN_ORDER.flatMap((identifier) => {
    const value = counts[identifier];
    const points = fplPointsFor(identifier, value, type);
    return identifier === "minutes" || points !== 0 ? [{ identifier, points, value }] : [];
  });
}

/** Total FPL points of one fixture. */
export function fplTotalPoints(counts: FplMatchCounts, type: FplElementType): number {
  return fplExplain(counts, type).reduce((sum, s) => sum + s.points, 0);
}
