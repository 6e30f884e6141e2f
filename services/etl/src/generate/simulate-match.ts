/**
 * Simulates who played in one finished FPL fixture and what each player did, consistently with
 * everything recorded about that fixture:
 *
 * - the FPL fixture's `stats` (goals, assists, own goals, penalties, cards, saves, bonus, bps) are
 *   kept exactly; players listed there (FPL lists everyone with a bps entry, i.e. who played) form
 *   the matchday squad;
 * - real recorded minutes/starts (a recorded `event/<gw>/live.json`, recorded element summaries)
 *   override the simulation for those players;
 * - the rest is invented from the seed: who started (by FPL season starts/minutes, then bps), when
 *   substitutions happened, the SofaScore per-match statistics (Poisson counts around per-90 rates
 *   of the position, scaled by the player's talent) and the rating.
 *
 * Approximations (documented, not FPL's exact rules): goals conceded while on the pitch are the
 * team's goals scaled by minutes/90 (rounded), a clean sheet needs 60+ minutes and a team clean
 * sheet, and influence/creativity/threat are simple weighted sums of the simulated statistics.
 */
import type { FplElement, FplFixture } from "../clients/schemas/fpl.js";
import type { FplElementType, FplMatchCounts } from "./fpl-points.js";
import { createRng, clamp, round, type Rng } from "./prng.js";
import { sofaPositionOf, talentOf, type SofaPosition, type Talent } from "./player-profile.js";
import type { RecordedAppearance } from "./season-recordings.js";

/** Max substitutes used per team (Premier League 2022-23 on) and named on the bench. */
const MAX_SUBSTITUTIONS = 5;
const BENCH_SIZE = 9;

/** A SofaScore per-match statistics object (the lineup `statistics`); `{}` for an unused sub. */
export type SofaMatchStatistics = Record<
  string,
  number | { original: number; alternative: number }
>;

/** One player of one side in one simulated match. */
export interface SimulatedPlayer {
  element: FplElement;
  position: SofaPosition;
  started: boolean;
  /** Minutes on the pitch; 0 for an unused substitute. */
  minutes: number;
  /** Mean pitch position (0–100 both ways, x towards the opponent's goal) for heatmaps. */
  slot: { x: number; y: number };
  /** The FPL live identifiers of this fixture. */
  counts: FplMatchCounts;
  bps: number;
  expectedGoals: number;
  expectedAssists: number;
  expectedGoalsConceded: number;
  influence: number;
  creativity: number;
  threat: number;
  /** The SofaScore lineup statistics. */
  statistics: SofaMatchStatistics;
}

/** One side of a simulated match: starters first (GK, DEF, MID, FWD), then the bench. */
export interface SimulatedSide {
  fplTeamId: number;
  side: "h" | "a";
  formation: string;
  goalsFor: number;
  goalsAgainst: number;
  players: SimulatedPlayer[];
}

/** A simulated finished match. */
export interface SimulatedMatch {
  fixture: FplFixture;
  home: SimulatedSide;
  away: SimulatedSide;
}

/** What the simulation needs besides the fixture. */
export interface SimulationInput {
  seed: number;
  fixture: FplFixture;
  /** FPL team id → its elements (from the bootstrap). */
  squads: Map<number, FplElement[]>;
  /** element id → recorded minutes/starts in this fixture, when a recording has them. */
  recorded: Map<number, RecordedAppearance> | undefined;
}

type Rates = Record<string, number>;

/** Mean counts per 90 minutes by position (typical Premier League levels). */
const BASE_RATES: Record<SofaPosition, Rates> = {
  G: {
    touches: 35,
    totalPass: 28,
    totalLongBalls: 9,
    totalClearance: 0.8,
    aerialWon: 0.3,
    aerialLost: 0.1,
    groundWon: 0.1,
    groundLost: 0.1,
    wasFouled: 0.1,
    possessionLostCtrl: 7,
    punches: 0.3,
    goodHighClaim: 0.6,
    totalKeeperSweeper: 0.5,
  },
  D: {
    touches: 65,
    totalPass: 48,
    totalLongBalls: 5,
    totalCross: 1.2,
    keyPass: 0.6,
    shotsOn: 0.15,
    shotsOff: 0.25,
    shotsBlocked: 0.15,
    bigChanceCreated: 0.08,
    bigChanceMissed: 0.03,
    totalTackle: 1.6,
    interceptionWon: 1.1,
    totalClearance: 3.5,
    outfielderBlock: 0.5,
    aerialWon: 2.2,
    aerialLost: 1.2,
    groundWon: 3,
    groundLost: 2.5,
    totalContest: 0.5,
    fouls: 0.9,
    wasFouled: 0.7,
    dispossessed: 0.3,
    possessionLostCtrl: 9,
    totalOffside: 0.05,
    challengeLost: 0.6,
  },
  M: {
    touches: 60,
    totalPass: 42,
    totalLongBalls: 3,
    totalCross: 1.5,
    keyPass: 1.3,
    shotsOn: 0.45,
    shotsOff: 0.55,
    shotsBlocked: 0.35,
    bigChanceCreated: 0.2,
    bigChanceMissed: 0.12,
    totalTackle: 1.6,
    interceptionWon: 0.8,
    totalClearance: 0.8,
    outfielderBlock: 0.2,
    aerialWon: 0.8,
    aerialLost: 0.8,
    groundWon: 4,
    groundLost: 4,
    totalContest: 1.6,
    fouls: 1.1,
    wasFouled: 1.2,
    dispossessed: 0.8,
    possessionLostCtrl: 11,
    totalOffside: 0.2,
    challengeLost: 0.7,
  },
  F: {
    touches: 42,
    totalPass: 22,
    totalLongBalls: 1,
    totalCross: 0.8,
    keyPass: 1,
    shotsOn: 0.9,
    shotsOff: 0.8,
    shotsBlocked: 0.5,
    bigChanceCreated: 0.18,
    bigChanceMissed: 0.3,
    totalTackle: 0.6,
    interceptionWon: 0.2,
    totalClearance: 0.5,
    outfielderBlock: 0.1,
    aerialWon: 1.6,
    aerialLost: 2,
    groundWon: 3,
    groundLost: 4,
    totalContest: 2,
    fouls: 1.1,
    wasFouled: 1.3,
    dispossessed: 1.1,
    possessionLostCtrl: 10,
    totalOffside: 0.7,
    challengeLost: 0.5,
  },
};

/** Which talent scales which rate (inverse: a higher talent lowers the rate). */
const RATE_TALENT: Record<string, { group: keyof Talent; inverse?: boolean }> = {
  touches: { group: "technical" },
  totalPass: { group: "technical" },
  totalLongBalls: { group: "technical" },
  totalCross: { group: "creativity" },
  keyPass: { group: "creativity" },
  bigChanceCreated: { group: "creativity" },
  shotsOn: { group: "attacking" },
  shotsOff: { group: "attacking" },
  shotsBlocked: { group: "attacking" },
  bigChanceMissed: { group: "attacking" },
  totalContest: { group: "attacking" },
  totalOffside: { group: "attacking" },
  totalTackle: { group: "defending" },
  totalClearance: { group: "defending" },
  outfielderBlock: { group: "defending" },
  aerialWon: { group: "defending" },
  groundWon: { group: "defending" },
  interceptionWon: { group: "tactical" },
  possessionLostCtrl: { group: "tactical", inverse: true },
  dispossessed: { group: "tactical", inverse: true },
};

/** Formation lines: mean x of each position (0 = own goal line, 100 = the opponent's). */
const LINE_X: Record<SofaPosition, number> = { G: 6, D: 27, M: 50, F: 73 };
const POSITION_ORDER: Record<SofaPosition, number> = { G: 0, D: 1, M: 2, F: 3 };

function statMap(fixture: FplFixture, identifier: string, side: "h" | "a"): Map<number, number> {
  const stat = fixture.stats.find((s) => s.identifier === identifier);
  return new Map((stat?.[side] ?? []).map((v) => [v.element, v.value]));
}

/** How likely an element was to start, from recordings first, then season totals and bps. */
function startScore(el: FplElement, bps: number, rec: RecordedAppearance | undefined): number {
  let score = 0;
  if (rec) {
    if (rec.starts === 1) score += 2000;
    else if (rec.starts === 0) score -= 2000;
    else score += rec.minutes >= 60 ? 1000 : -1000;
  }
  const seasonStarts = typeof el.starts === "number" ? el.starts : el.minutes / 90;
  return score + seasonStarts * 10 + bps;
}

function byScoreDesc(score: (el: FplElement) => number) {
  return (a: FplElement, b: FplElement) => score(b) - score(a) || a.id - b.id;
}

interface Pick {
  element: FplElement;
  started: boolean;
  minutes: number;
  slot: { x: number; y: number };
}

/** Chooses starters, substitutes and minutes for one side. */
function pickSide(input: SimulationInput, side: "h" | "a", rng: Rng): Pick[] {
  const { fixture, recorded } = input;
  const teamId = side === "h" ? fixture.team_h : fixture.team_a;
  const squad = [...(input.squads.get(teamId) ?? [])].sort((a, b) => a.id - b.id);
  const inSquad = new Map(squad.map((el) => [el.id, el]));
  const bps = statMap(fixture, "bps", side);
  const rec = (id: number) => recorded?.get(id);

  const playedIds = new Set<number>();
  for (const stat of fixture.stats) for (const v of stat[side]) playedIds.add(v.element);
  for (const [id, r] of recorded ?? []) {
    if (r.minutes > 0 && inSquad.has(id)) playedIds.add(id);
    if (r.minutes === 0) playedIds.delete(id);
  }
  const score = (el: FplElement) => startScore(el, bps.get(el.id) ?? 0, rec(el.id));
  let played = [...playedIds]
    .map((id) => inSquad.get(id))
    .filter((el): el is FplElement => el !== undefined)
    .sort(byScoreDesc(score));
  if (played.length > 11 + MAX_SUBSTITUTIONS) played = played.slice(0, 11 + MAX_SUBSTITUTIONS);

  const bySeasonMinutes = byScoreDesc((el) => el.minutes);
  const spare = (pred: (el: FplElement) => boolean) =>
    squad
      .filter((el) => !played.includes(el) && el.status !== "u" && pred(el))
      .sort(bySeasonMinutes);
  const keeper =
    played.find((el) => el.element_type === 1) ?? spare((el) => el.element_type === 1)[0];
  const outfield = played.filter((el) => el.element_type !== 1).slice(0, 10);
  if (outfield.length < 10)
    outfield.push(...spare((el) => el.element_type !== 1).slice(0, 10 - outfield.length));
  const starters = [...(keeper ? [keeper] : []), ...outfield];
  const subsOn = played.filter((el) => !starters.includes(el)).slice(0, MAX_SUBSTITUTIONS);

  const minutes = new Map<number, number>(starters.map((el) => [el.id, rec(el.id)?.minutes ?? 90]));
  const slots = new Map<number, { x: number; y: number }>();
  const lines = new Map<SofaPosition, FplElement[]>();
  for (const el of starters) {
    const pos = sofaPositionOf(el.element_type);
    lines.set(pos, [...(lines.get(pos) ?? []), el]);
  }
  for (const [pos, members] of lines) {
    members.forEach((el, i) =>
      slots.set(el.id, { x: LINE_X[pos], y: Math.round(((i + 1) / (members.length + 1)) * 100) }),
    );
  }

  const offCandidates = starters
    .filter((el) => el.element_type !== 1 && (rec(el.id)?.minutes ?? 0) < 90)
    .sort((a, b) => score(a) - score(b) || a.id - b.id);
  subsOn.forEach((sub, i) => {
    const off = offCandidates[i];
    const known = rec(sub.id)?.minutes;
    const offKnown = off ? rec(off.id)?.minutes : undefined;
    const minute =
      known !== undefined ? 90 - known : offKnown !== undefined ? offKnown : rng.int(55, 88);
    if (off && offKnown === undefined) minutes.set(off.id, clamp(minute, 1, 89));
    minutes.set(sub.id, known ?? clamp(90 - minute, 1, 89));
    const pos = sofaPositionOf(sub.element_type);
    slots.set(
      sub.id,
      off ? (slots.get(off.id) as { x: number; y: number }) : { x: LINE_X[pos], y: 50 },
    );
  });

  const usedIds = new Set([...starters, ...subsOn].map((el) => el.id));
  const unusedPool = squad
    .filter((el) => !usedIds.has(el.id) && el.status !== "u")
    .sort(bySeasonMinutes);
  const benchRoom = Math.max(0, BENCH_SIZE - subsOn.length);
  const unused = unusedPool.slice(0, benchRoom);
  const spareKeeper = unusedPool.find((el) => el.element_type === 1);
  if (
    spareKeeper &&
    !unused.includes(spareKeeper) &&
    !subsOn.some((el) => el.element_type === 1) &&
    unused.length > 0
  ) {
    unused[unused.length - 1] = spareKeeper;
  }

  const lineOrder = (a: FplElement, b: FplElement) =>
    POSITION_ORDER[sofaPositionOf(a.element_type)] -
      POSITION_ORDER[sofaPositionOf(b.element_type)] ||
    (slots.get(a.id)?.y ?? 0) - (slots.get(b.id)?.y ?? 0);
  return [
    ...[...starters].sort(lineOrder).map((el) => ({
      element: el,
      started: true,
      minutes: minutes.get(el.id) ?? 90,
      slot: slots.get(el.id) as { x: number; y: number },
    })),
    ...subsOn.map((el) => ({
      element: el,
      started: false,
      minutes: minutes.get(el.id) ?? 1,
      slot: slots.get(el.id) as { x: number; y: number },
    })),
    ...unused.map((el) => ({
      element: el,
      started: false,
      minutes: 0,
      slot: { x: LINE_X[sofaPositionOf(el.element_type)], y: 50 },
    })),
  ];
}

function sampleRate(
  rng: Rng,
  pos: SofaPosition,
  key: string,
  talent: Talent,
  minutes: number,
): number {
  const base = BASE_RATES[pos][key] ?? 0;
  const link = RATE_TALENT[key];
  const factor = link ? (link.inverse ? 1 / talent[link.group] : talent[link.group]) : 1;
  return rng.poisson(base * factor * (minutes / 90));
}

/** Builds the SofaScore statistics and the FPL counts of one player who played. */
function playerMatch(
  input: SimulationInput,
  pick: Pick,
  side: "h" | "a",
  team: { goalsFor: number; goalsAgainst: number },
): Omit<SimulatedPlayer, "expectedGoalsConceded"> {
  const { fixture, seed } = input;
  const el = pick.element;
  const pos = sofaPositionOf(el.element_type);
  const value = (identifier: string) => statMap(fixture, identifier, side).get(el.id) ?? 0;
  const counts: FplMatchCounts = {
    minutes: pick.minutes,
    goals_scored: value("goals_scored"),
    assists: value("assists"),
    clean_sheets: pick.minutes >= 60 && team.goalsAgainst === 0 ? 1 : 0,
    goals_conceded:
      pick.minutes >= 90 ? team.goalsAgainst : Math.round((team.goalsAgainst * pick.minutes) / 90),
    own_goals: value("own_goals"),
    penalties_saved: value("penalties_saved"),
    penalties_missed: value("penalties_missed"),
    yellow_cards: value("yellow_cards"),
    red_cards: value("red_cards"),
    saves: value("saves"),
    bonus: value("bonus"),
  };
  const recordedBps = statMap(fixture, "bps", side).get(el.id);
  const bps = recordedBps ?? (pick.minutes >= 60 ? 6 : pick.minutes > 0 ? 3 : 0);
  if (pick.minutes === 0) {
    return {
      ...pick,
      position: pos,
      counts,
      bps: 0,
      expectedGoals: 0,
      expectedAssists: 0,
      influence: 0,
      creativity: 0,
      threat: 0,
      statistics: {},
    };
  }

  const rng = createRng(seed, `match:${fixture.id}:player:${el.id}`);
  const talent = talentOf(seed, el);
  const n = (key: string) => sampleRate(rng, pos, key, talent, pick.minutes);
  const goals = counts.goals_scored;
  const totalPass = Math.max(1, n("totalPass"));
  const accuratePass = Math.round(
    totalPass *
      clamp(rng.normal(pos === "G" ? 0.7 : 0.83, 0.06) * (0.9 + 0.1 * talent.technical), 0.3, 1),
  );
  const totalLongBalls = n("totalLongBalls");
  const totalCross = n("totalCross");
  const onTarget = Math.max(goals, n("shotsOn"));
  const shotOffTarget = n("shotsOff");
  const blocked = n("shotsBlocked");
  const bigChanceMissed = Math.min(n("bigChanceMissed"), onTarget - goals + shotOffTarget);
  const keyPass = Math.max(counts.assists, n("keyPass"));
  const bigChanceCreated = Math.min(
    keyPass,
    n("bigChanceCreated") + (counts.assists > 0 && rng.chance(0.5) ? 1 : 0),
  );
  const aerialWon = n("aerialWon");
  const aerialLost = n("aerialLost");
  const groundWon = n("groundWon");
  const groundLost = n("groundLost");
  const totalContest = n("totalContest");
  const expectedGoals =
    pos === "G"
      ? 0
      : round(
          onTarget * 0.12 +
            shotOffTarget * 0.06 +
            blocked * 0.04 +
            bigChanceMissed * 0.3 +
            goals * 0.25,
          4,
        );
  const expectedAssists =
    pos === "G" ? 0 : round(keyPass * 0.08 + bigChanceCreated * 0.25 + counts.assists * 0.1, 4);
  const touches = Math.max(totalPass, n("touches"));
  const ratingValue = clamp(round(rng.normal(6.5 + 0.03 * (bps - 12), 0.25), 1), 4.5, 9.9);

  // Keys and order follow the real lineups sample; zero counts are omitted as SofaScore does.
  const raw: [string, number | undefined][] = [
    ["totalPass", totalPass],
    ["accuratePass", accuratePass],
    ["totalLongBalls", totalLongBalls],
    ["accurateLongBalls", Math.round(totalLongBalls * clamp(rng.normal(0.5, 0.12), 0, 1))],
    ["goalAssist", counts.assists],
    ["totalClearance", n("totalClearance")],
    ["goodHighClaim", pos === "G" ? n("goodHighClaim") : 0],
    ["savedShotsFromInsideTheBox", pos === "G" ? Math.round(counts.saves * 0.6) : 0],
    ["saves", counts.saves],
    ["punches", pos === "G" ? n("punches") : 0],
    ["totalKeeperSweeper", pos === "G" ? n("totalKeeperSweeper") : 0],
    ["minutesPlayed", pick.minutes],
    ["touches", touches],
    ["rating", pick.minutes >= 10 ? ratingValue : undefined],
    ["possessionLostCtrl", n("possessionLostCtrl")],
    [
      "goalsPrevented",
      pos === "G" ? round(rng.normal(0.3 * counts.saves - 0.3 * team.goalsAgainst, 0.3), 4) : 0,
    ],
    ["totalCross", totalCross],
    ["accurateCross", Math.round(totalCross * clamp(rng.normal(0.25, 0.1), 0, 1))],
    ["aerialLost", aerialLost],
    ["aerialWon", aerialWon],
    ["duelLost", aerialLost + groundLost],
    ["duelWon", aerialWon + groundWon],
    ["totalContest", totalContest],
    [
      "wonContest",
      Math.round(totalContest * clamp(rng.normal(0.45, 0.15) * talent.technical, 0, 1)),
    ],
    ["shotOffTarget", shotOffTarget],
    ["onTargetScoringAttempt", onTarget],
    ["blockedScoringAttempt", blocked],
    ["outfielderBlock", n("outfielderBlock")],
    ["interceptionWon", n("interceptionWon")],
    ["totalTackle", n("totalTackle")],
    ["challengeLost", n("challengeLost")],
    ["wasFouled", n("wasFouled")],
    ["fouls", n("fouls")],
    ["totalOffside", n("totalOffside")],
    ["dispossessed", n("dispossessed")],
    ["keyPass", keyPass],
    ["bigChanceCreated", bigChanceCreated],
    ["bigChanceMissed", bigChanceMissed],
    ["goals", goals],
    ["ownGoals", counts.own_goals],
    ["expectedGoals", expectedGoals],
    ["expectedAssists", expectedAssists],
  ];
  const statistics: SofaMatchStatistics = {};
  for (const [key, v] of raw) {
    if (v === undefined) continue;
    if (v !== 0 || key === "goalAssist" || key === "minutesPlayed" || key === "touches")
      statistics[key] = v;
    if (key === "rating") {
      statistics.ratingVersions = {
        original: v,
        alternative: clamp(round(rng.normal(v - 0.2, 0.2), 1), 3, 10),
      };
    }
  }

  const creativity = round(
    keyPass * 10 + totalCross * 3 + bigChanceCreated * 10 + touches * 0.1,
    1,
  );
  const threat = round(
    onTarget * 12 + shotOffTarget * 5 + blocked * 4 + bigChanceMissed * 10 + goals * 10,
    1,
  );
  const influence = round(Math.max(0, bps) * 1.2 + goals * 10 + counts.assists * 6, 1);
  return {
    ...pick,
    position: pos,
    counts,
    bps,
    expectedGoals,
    expectedAssists,
    influence,
    creativity,
    threat,
    statistics,
  };
}

function buildSide(
  input: SimulationInput,
  side: "h" | "a",
  rng: Rng,
): Omit<SimulatedSide, "players"> & { players: Omit<SimulatedPlayer, "expectedGoalsConceded">[] } {
  const f = input.fixture;
  const goalsFor = (side === "h" ? f.team_h_score : f.team_a_score) ?? 0;
  const goalsAgainst = (side === "h" ? f.team_a_score : f.team_h_score) ?? 0;
  const picks = pickSide(input, side, rng);
  const starters = picks
    .filter((p) => p.started)
    .map((p) => sofaPositionOf(p.element.element_type));
  const count = (pos: SofaPosition) => starters.filter((p) => p === pos).length;
  return {
    fplTeamId: side === "h" ? f.team_h : f.team_a,
    side,
    formation: `${count("D")}-${count("M")}-${count("F")}`,
    goalsFor,
    goalsAgainst,
    players: picks.map((p) => playerMatch(input, p, side, { goalsFor, goalsAgainst })),
  };
}

/** Simulates one finished fixture (its scores must be known). */
export function simulateMatch(input: SimulationInput): SimulatedMatch {
  const f = input.fixture;
  if (f.team_h_score === null || f.team_a_score === null) {
    throw new Error(`fixture ${f.id} has no result to simulate`);
  }
  const rng = createRng(input.seed, `match:${f.id}`);
  const home = buildSide(input, "h", rng);
  const away = buildSide(input, "a", rng);
  const withConceded = (side: typeof home, opponent: typeof away): SimulatedSide => {
    const opponentXg = opponent.players.reduce((s, p) => s + p.expectedGoals, 0);
    return {
      ...side,
      players: side.players.map((p) => ({
        ...p,
        expectedGoalsConceded: round((opponentXg * p.minutes) / 90, 2),
      })),
    };
  };
  return { fixture: f, home: withConceded(home, away), away: withConceded(away, home) };
}

/** FPL element_type narrowed for the scoring rules. */
export function fplTypeOf(el: FplElement): FplElementType {
  const t = el.element_type;
  if (t !== 1 && t !== 2 && t !== 3 && t !== 4) throw new Error(`unknown FPL element_type ${t}`);
  return t;
}
