import type { SofaEvent } from "../schemas/sofascore.js";

/** What varies between synthetic events; the rest follows README §3's documented shape. */
export interface SofaEventSpec {
  id: number;
  home: { id: number; name: string };
  away: { id: number; name: string };
  /** Kick-off, unix seconds. */
  startTimestamp: number;
  status?: "notstarted" | "inprogress" | "finished" | "postponed" | "canceled";
  round?: number;
  seasonId?: number;
  hasEventPlayerHeatMap?: boolean;
}

const STATUS_CODES = { notstarted: 0, inprogress: 6, finished: 100, postponed: 60, canceled: 70 };

/** A Premier League event as SofaScore's list endpoints send it (for tests only). */
export function makeSofaEvent(spec: SofaEventSpec): SofaEvent {
  const status = spec.status ?? "finished";
  const played = status === "finished" || status === "inprogress";
  const team = (t: { id: number; name: string }) => ({
    id: t.id,
    name: t.name,
    slug: t.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    shortName: t.name,
    nameCode: t.name.slice(0, 3).toUpperCase(),
  });
  return {
    id: spec.id,
    slug: `${team(spec.home).slug}-${team(spec.away).slug}`,
    customId: `c${spec.id.toString(36)}`,
    startTimestamp: spec.startTimestamp,
    status: { code: STATUS_CODES[status], description: status, type: status },
    ...(status === "finished" ? { winnerCode: 3 } : {}),
    roundInfo: { round: spec.round ?? 1 },
    tournament: {
      name: "Premier League",
      id: 1,
      uniqueTournament: { id: 17, name: "Premier League" },
    },
    season: { id: spec.seasonId ?? 76986, name: "Premier League 25/26", year: "25/26" },
    homeTeam: team(spec.home),
    awayTeam: team(spec.away),
    homeScore: played ? { current: 1, display: 1, period1: 0, period2: 1, normaltime: 1 } : {},
    awayScore: played ? { current: 1, display: 1, period1: 1, period2: 0, normaltime: 1 } : {},
    hasXg: true,
    hasEventPlayerStatistics: true,
    hasEventPlayerHeatMap: spec.hasEventPlayerHeatMap ?? true,
    finalResultOnly: false,
  };
}
