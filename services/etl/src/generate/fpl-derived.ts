/**
 * Derives the FPL files that were not recorded from the simulated matches: `event/<gw>/live.json`
 * and `element-summary/<id>.json`. Both are computed from the same per-fixture player lines (the
 * FPL fixture stats plus simulated minutes), so a player's live points, his element-summary history
 * and the SofaScore lineups of the same match always agree.
 */
import type { FplElement, FplFixture } from "../clients/schemas/fpl.js";
import { fplExplain, fplTotalPoints, type FplMatchCounts } from "./fpl-points.js";
import { round } from "./prng.js";
import { fplTypeOf, type SimulatedMatch, type SimulatedPlayer } from "./simulate-match.js";

/** Whether the season's FPL payloads carry `starts` and `expected_*` (2023-24 on). */
export interface FplDialect {
  hasExpected: boolean;
}

const ZERO_COUNTS: FplMatchCounts = {
  minutes: 0,
  goals_scored: 0,
  assists: 0,
  clean_sheets: 0,
  goals_conceded: 0,
  own_goals: 0,
  penalties_saved: 0,
  penalties_missed: 0,
  yellow_cards: 0,
  red_cards: 0,
  saves: 0,
  bonus: 0,
};

/** One element's line in one fixture (zeros when he was not in the matchday squad). */
interface PlayerLine {
  counts: FplMatchCounts;
  bps: number;
  influence: number;
  creativity: number;
  threat: number;
  starts: number;
  xg: number;
  xa: number;
  xgc: number;
}

function lineOf(p: SimulatedPlayer | undefined): PlayerLine {
  if (!p)
    return {
      counts: ZERO_COUNTS,
      bps: 0,
      influence: 0,
      creativity: 0,
      threat: 0,
      starts: 0,
      xg: 0,
      xa: 0,
      xgc: 0,
    };
  return {
    counts: p.counts,
    bps: p.bps,
    influence: p.influence,
    creativity: p.creativity,
    threat: p.threat,
    starts: p.started ? 1 : 0,
    xg: p.expectedGoals,
    xa: p.expectedAssists,
    xgc: p.minutes > 0 ? p.expectedGoalsConceded : 0,
  };
}

const dec1 = (v: number) => round(v, 1).toFixed(1);
const dec2 = (v: number) => round(v, 2).toFixed(2);

/** The totals block shared by live `stats` and element-summary `history` (FPL key order). */
function totals(lines: PlayerLine[], el: FplElement, dialect: FplDialect) {
  const add = (f: (l: PlayerLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  const c = (k: keyof FplMatchCounts) => add((l) => l.counts[k]);
  const influence = add((l) => l.influence);
  const creativity = add((l) => l.creativity);
  const threat = add((l) => l.threat);
  const type = fplTypeOf(el);
  return {
    minutes: c("minutes"),
    goals_scored: c("goals_scored"),
    assists: c("assists"),
    clean_sheets: c("clean_sheets"),
    goals_conceded: c("goals_conceded"),
    own_goals: c("own_goals"),
    penalties_saved: c("penalties_saved"),
    penalties_missed: c("penalties_missed"),
    yellow_cards: c("yellow_cards"),
    red_cards: c("red_cards"),
    saves: c("saves"),
    bonus: c("bonus"),
    bps: add((l) => l.bps),
    influence: dec1(influence),
    creativity: dec1(creativity),
    threat: dec1(threat),
    ict_index: dec1((influence + creativity + threat) / 10),
    ...(dialect.hasExpected
      ? {
          starts: add((l) => l.starts),
          expected_goals: dec2(add((l) => l.xg)),
          expected_assists: dec2(add((l) => l.xa)),
          expected_goal_involvements: dec2(add((l) => l.xg + l.xa)),
          expected_goals_conceded: dec2(add((l) => l.xgc)),
        }
      : {}),
    total_points: lines.reduce((s, l) => s + fplTotalPoints(l.counts, type), 0),
  };
}

/** Index of simulated players: fixture id → element id → player. */
export function indexPlayers(
  matches: readonly SimulatedMatch[],
): Map<number, Map<number, SimulatedPlayer>> {
  return new Map(
    matches.map((m) => [
      m.fixture.id,
      new Map([...m.home.players, ...m.away.players].map((p) => [p.element.id, p])),
    ]),
  );
}

function teamMatches(matches: readonly SimulatedMatch[], teamId: number): SimulatedMatch[] {
  return matches.filter((m) => m.fixture.team_h === teamId || m.fixture.team_a === teamId);
}

/** `GET event/{gw}/live/` for one gameweek from the matches FPL places in it. */
export function buildEventLive(
  elements: readonly FplElement[],
  gameweekMatches: readonly SimulatedMatch[],
  dialect: FplDialect,
) {
  const index = indexPlayers(gameweekMatches);
  return {
    elements: [...elements]
      .sort((a, b) => a.id - b.id)
      .map((el) => {
        const matches = teamMatches(gameweekMatches, el.team);
        const lines = matches.map((m) => lineOf(index.get(m.fixture.id)?.get(el.id)));
        return {
          id: el.id,
          stats: { ...totals(lines, el, dialect), in_dreamteam: false },
          explain: matches.map((m, k) => ({
            fixture: m.fixture.id,
            stats: fplExplain((lines[k] as PlayerLine).counts, fplTypeOf(el)),
          })),
        };
      }),
  };
}

/** `GET element-summary/{id}/`: upcoming fixtures after the range, and the simulated history. */
export function buildElementSummary(
  el: FplElement,
  matches: readonly SimulatedMatch[],
  upcoming: readonly FplFixture[],
  selected: number,
  dialect: FplDialect,
) {
  const index = indexPlayers(matches);
  const own = teamMatches(matches, el.team).sort(
    (a, b) =>
      Date.parse(a.fixture.kickoff_time ?? "") - Date.parse(b.fixture.kickoff_time ?? "") ||
      a.fixture.id - b.fixture.id,
  );
  return {
    fixtures: upcoming
      .filter((f) => f.team_h === el.team || f.team_a === el.team)
      .map((f) => {
        const isHome = f.team_h === el.team;
        return {
          id: f.id,
          code: f.code,
          team_h: f.team_h,
          team_h_score: f.team_h_score,
          team_a: f.team_a,
          team_a_score: f.team_a_score,
          event: f.event,
          finished: f.finished,
          minutes: f.minutes,
          provisional_start_time: f.provisional_start_time,
          kickoff_time: f.kickoff_time,
          ...(f.event !== null ? { event_name: `Gameweek ${f.event}` } : {}),
          is_home: isHome,
          difficulty: isHome ? f.team_h_difficulty : f.team_a_difficulty,
        };
      }),
    history: own.map((m) => {
      const f = m.fixture;
      const wasHome = f.team_h === el.team;
      return {
        element: el.id,
        fixture: f.id,
        opponent_team: wasHome ? f.team_a : f.team_h,
        was_home: wasHome,
        kickoff_time: f.kickoff_time,
        team_h_score: f.team_h_score,
        team_a_score: f.team_a_score,
        round: f.event,
        ...totals([lineOf(index.get(f.id)?.get(el.id))], el, dialect),
        value: el.now_cost,
        transfers_balance: 0,
        selected,
        transfers_in: 0,
        transfers_out: 0,
      };
    }),
    history_past: [],
  };
}
