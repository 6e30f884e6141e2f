import { and, asc, eq } from "drizzle-orm";
import { matches, odds, type Db } from "@matchday/shared";
import type { StoredMatch } from "../domain/diff.js";
import type { OddsRow } from "../domain/odds-rows.js";
import type { MatchStats } from "../domain/parsed-match.js";

/** The statistics keys, which are also the `sync.matches` property names, in column order. */
export const STAT_KEYS = [
  "homeShots",
  "awayShots",
  "homeShotsOnTarget",
  "awayShotsOnTarget",
  "homeFouls",
  "awayFouls",
  "homeCorners",
  "awayCorners",
  "homeYellowCards",
  "awayYellowCards",
  "homeRedCards",
  "awayRedCards",
] as const satisfies readonly (keyof MatchStats)[];

/**
 * Every stored match of one (league, season) with its odds, as the diff compares them: two queries
 * (matches, then their odds), whatever the number of matches.
 */
export async function loadStoredMatches(
  db: Db,
  league: string,
  season: string,
): Promise<StoredMatch[]> {
  const inSeason = and(eq(matches.league, league), eq(matches.season, season));
  const rows = await db.select().from(matches).where(inSeason).orderBy(asc(matches.id));
  if (rows.length === 0) return [];
  const oddsRows = await db
    .select({
      matchId: odds.matchId,
      bookmaker: odds.bookmaker,
      market: odds.market,
      line: odds.line,
      closing: odds.closing,
      home: odds.home,
      draw: odds.draw,
      away: odds.away,
      over: odds.over,
      under: odds.under,
      bookCount: odds.bookCount,
    })
    .from(odds)
    .innerJoin(matches, eq(odds.matchId, matches.id))
    .where(inSeason);
  const oddsByMatch = new Map<number, OddsRow[]>();
  for (const { matchId, ...row } of oddsRows) {
    let list = oddsByMatch.get(matchId);
    if (!list) oddsByMatch.set(matchId, (list = []));
    list.push(row);
  }
  return rows.map((m) => {
    const stats = {} as MatchStats;
    for (const key of STAT_KEYS) stats[key] = m[key];
    return {
      id: m.id,
      homeTeamId: m.homeTeamId,
      awayTeamId: m.awayTeamId,
      kickoff: m.kickoff,
      hasTime: m.hasTime,
      status: m.status,
      ftHome: m.ftHomeGoals,
      ftAway: m.ftAwayGoals,
      htHome: m.htHomeGoals,
      htAway: m.htAwayGoals,
      referee: m.referee,
      stats,
      extra: m.extra,
      odds: oddsByMatch.get(m.id) ?? [],
    };
  });
}
