import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { matches, odds, teams, type Db, type OddsMarket } from "@matchday/shared";

// Read functions other services need (ml: training data; predictions: what to predict and validate;
// analytics: closing-line comparisons). The architecture wants them in packages/shared, which only
// its owner edits: they live here until moved there unchanged.

/** A match as readers see it: ids, team names, kickoff and (when finished) the score. */
export interface MatchRecord {
  id: number;
  league: string;
  /** football-data season code, `2324` = 2023/24. */
  season: string;
  /** UTC; 00:00 UTC of the UK date when `hasTime` is false (files before 2019/20). */
  kickoff: Date;
  hasTime: boolean;
  status: "scheduled" | "finished";
  homeTeamId: number;
  /** The team's display name (`sync.teams.name`), not any one source's alias. */
  homeTeam: string;
  awayTeamId: number;
  awayTeam: string;
  /** Null while scheduled. */
  ftHomeGoals: number | null;
  ftAwayGoals: number | null;
  ftResult: "H" | "D" | "A" | null;
  htHomeGoals: number | null;
  htAwayGoals: number | null;
}

const home = alias(teams, "home_team");
const away = alias(teams, "away_team");

function selectMatchRecords(db: Db) {
  return db
    .select({
      id: matches.id,
      league: matches.league,
      season: matches.season,
      kickoff: matches.kickoff,
      hasTime: matches.hasTime,
      status: matches.status,
      homeTeamId: matches.homeTeamId,
      homeTeam: home.name,
      awayTeamId: matches.awayTeamId,
      awayTeam: away.name,
      ftHomeGoals: matches.ftHomeGoals,
      ftAwayGoals: matches.ftAwayGoals,
      ftResult: matches.ftResult,
      htHomeGoals: matches.htHomeGoals,
      htAwayGoals: matches.htAwayGoals,
    })
    .from(matches)
    .innerJoin(home, eq(matches.homeTeamId, home.id))
    .innerJoin(away, eq(matches.awayTeamId, away.id));
}

type SelectedRecord = Awaited<ReturnType<ReturnType<typeof selectMatchRecords>["execute"]>>[number];

function toRecord(r: SelectedRecord): MatchRecord {
  return { ...r, ftResult: r.ftResult as MatchRecord["ftResult"] };
}

/**
 * Finished matches of `league` with kickoff in `[from, to)` (UTC instants; a date-only kickoff counts
 * at 00:00 UTC of its day), oldest first: training and evaluation data. One indexed query.
 */
export async function finishedMatches(
  db: Db,
  league: string,
  from: Date,
  to: Date,
): Promise<MatchRecord[]> {
  const rows = await selectMatchRecords(db)
    .where(
      and(
        eq(matches.league, league),
        eq(matches.status, "finished"),
        gte(matches.kickoff, from),
        lt(matches.kickoff, to),
      ),
    )
    .orderBy(asc(matches.kickoff), asc(matches.id));
  return rows.map(toRecord);
}

/**
 * Scheduled (not yet played) matches with kickoff in `[from, to)`, soonest first, of `leagues` (all
 * leagues when omitted): what predictions are made for.
 */
export async function upcomingFixtures(
  db: Db,
  from: Date,
  to: Date,
  leagues?: readonly string[],
): Promise<MatchRecord[]> {
  const rows = await selectMatchRecords(db)
    .where(
      and(
        eq(matches.status, "scheduled"),
        gte(matches.kickoff, from),
        lt(matches.kickoff, to),
        leagues ? inArray(matches.league, [...leagues]) : undefined,
      ),
    )
    .orderBy(asc(matches.kickoff), asc(matches.id));
  return rows.map(toRecord);
}

/** Closing prices of one bookmaker and market for one match (decimal odds; null where not quoted). */
export interface ClosingPrices {
  matchId: number;
  /** AH line from the home side; 0 for `1x2` and `ou25`. */
  line: number;
  home: number | null;
  draw: number | null;
  away: number | null;
  over: number | null;
  under: number | null;
}

/**
 * The closing odds `bookmaker` (`pinnacle`, `bet365`, `market_avg`, …) quoted for `matchIds` in
 * `market` (default `1x2`), by match id. Matches without such a row (no closing prices before
 * 2012/13, a book that stopped quoting) are absent from the map. For `ah` a match may carry several
 * lines; the map then keeps them all, sorted by line. One primary-key query.
 */
export async function closingOdds(
  db: Db,
  matchIds: readonly number[],
  bookmaker: string,
  market: OddsMarket = "1x2",
): Promise<Map<number, ClosingPrices[]>> {
  const out = new Map<number, ClosingPrices[]>();
  if (matchIds.length === 0) return out;
  const rows = await db
    .select({
      matchId: odds.matchId,
      line: odds.line,
      home: odds.home,
      draw: odds.draw,
      away: odds.away,
      over: odds.over,
      under: odds.under,
    })
    .from(odds)
    .where(
      and(
        inArray(odds.matchId, [...matchIds]),
        eq(odds.bookmaker, bookmaker),
        eq(odds.market, market),
        eq(odds.closing, true),
      ),
    )
    .orderBy(asc(odds.matchId), asc(odds.line));
  for (const r of rows) {
    const list = out.get(r.matchId);
    if (list) list.push(r);
    else out.set(r.matchId, [r]);
  }
  return out;
}
