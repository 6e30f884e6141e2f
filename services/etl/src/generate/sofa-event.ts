/**
 * Builds SofaScore event objects (the items of `events/round/{n}` and the body of `GET event/{id}`)
 * from FPL fixtures, in the shape `../shared/data/README.md` §3 documents and the real Euro 2000
 * event-list sample shows.
 */
import type { FplFixture } from "../clients/schemas/fpl.js";
import { createRng } from "./prng.js";
import type { SofaTeamIdentity } from "./sofascore-ids.js";

/** The Premier League as SofaScore names it (unique tournament 17). */
export const PREMIER_LEAGUE_TOURNAMENT = {
  name: "Premier League",
  slug: "premier-league",
  category: {
    name: "England",
    slug: "england",
    sport: { name: "Football", slug: "football", id: 1 },
    id: 1,
    flag: "england",
  },
  uniqueTournament: { name: "Premier League", slug: "premier-league", id: 17 },
  priority: 617,
  id: 1,
} as const;

/** SofaScore status objects by type. */
export const SOFA_STATUS = {
  finished: { code: 100, description: "Ended", type: "finished" },
  postponed: { code: 60, description: "Postponed", type: "postponed" },
  notstarted: { code: 0, description: "Not started", type: "notstarted" },
} as const;

/** How the event should be written. */
export interface SofaEventSpec {
  seed: number;
  eventId: number;
  /** SofaScore round = the fixture's original FPL gameweek (SofaScore never renumbers rounds). */
  round: number;
  /** Kick-off, ISO (FPL `kickoff_time`, or the original one for a postponed match). */
  kickoff: string;
  fixture: FplFixture;
  status: keyof typeof SOFA_STATUS;
  season: { id: number; name: string; year: string };
  home: SofaTeamIdentity;
  away: SofaTeamIdentity;
  hasPlayerHeatmaps: boolean;
}

function teamObject(t: SofaTeamIdentity) {
  return {
    name: t.name,
    slug: t.slug,
    shortName: t.shortName,
    sport: { name: "Football", slug: "football", id: 1 },
    nameCode: t.nameCode,
    national: false,
    type: 0,
    id: t.id,
    country: { alpha2: "EN", alpha3: "ENG", name: "England", slug: "england" },
  };
}

/** Splits a final score into halves (deterministic per event). */
function scoreObject(goals: number, firstHalf: number) {
  return {
    current: goals,
    display: goals,
    period1: firstHalf,
    period2: goals - firstHalf,
    normaltime: goals,
  };
}

const CUSTOM_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** One SofaScore event object. */
export function buildSofaEvent(spec: SofaEventSpec) {
  const rng = createRng(spec.seed, `event:${spec.eventId}`);
  const f = spec.fixture;
  const finished = spec.status === "finished";
  const hs = f.team_h_score ?? 0;
  const as = f.team_a_score ?? 0;
  const customId = Array.from({ length: 7 }, () => rng.pick([...CUSTOM_ID_ALPHABET])).join("");
  const firstHalf = (goals: number) =>
    Array.from({ length: goals }, () => rng.chance(0.45)).filter(Boolean).length;
  return {
    tournament: PREMIER_LEAGUE_TOURNAMENT,
    season: { name: spec.season.name, year: spec.season.year, editor: false, id: spec.season.id },
    roundInfo: { round: spec.round },
    customId,
    status: SOFA_STATUS[spec.status],
    ...(finished ? { winnerCode: hs > as ? 1 : hs < as ? 2 : 3 } : {}),
    homeTeam: teamObject(spec.home),
    awayTeam: teamObject(spec.away),
    homeScore: finished ? scoreObject(hs, firstHalf(hs)) : {},
    awayScore: finished ? scoreObject(as, firstHalf(as)) : {},
    time: finished ? { injuryTime1: rng.int(0, 5), injuryTime2: rng.int(2, 9) } : {},
    changes: { changeTimestamp: 0 },
    hasGlobalHighlights: false,
    hasXg: finished,
    hasEventPlayerStatistics: finished,
    hasEventPlayerHeatMap: finished && spec.hasPlayerHeatmaps,
    detailId: 1,
    crowdsourcingDataDisplayEnabled: false,
    id: spec.eventId,
    crowdsourcingEnabled: false,
    startTimestamp: Math.floor(Date.parse(spec.kickoff) / 1000),
    slug: `${spec.home.slug}-${spec.away.slug}`,
    finalResultOnly: false,
    feedLocked: true,
    isEditor: false,
  };
}

/** The SofaScore event object type the generator writes. */
export type GeneratedSofaEvent = ReturnType<typeof buildSofaEvent>;
