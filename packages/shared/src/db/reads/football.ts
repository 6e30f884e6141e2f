import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client.js";
import { modelVersions, type ModelVersionRow } from "../schema/ml.js";
import { predictions, validations, type OddsAtPrediction } from "../schema/predictions.js";
import { matches, odds, teams, type MatchStatus } from "../schema/sync.js";

/**
 * Read functions over other services' tables (architecture §5: a service writes only its own schema
 * and reads others' through functions here). The match shape is structurally the model package's
 * `MatchRecord`, so ml, predictions, analytics and the backtest hand these rows to the model as is,
 * and every one of them sees the same data the same way.
 */

/** Decimal 1X2 odds (each > 1). */
export type Odds1x2Prices = { home: number; draw: number; away: number };

/** The 1X2 odds of one match the services use. */
export type MatchOdds1x2 = {
  /** Pinnacle closing (PSCH/PSCD/PSCA): the sharpest benchmark. */
  pinnacleClosing?: Odds1x2Prices;
  /** Closing market average (AvgCH…, 2019/20 on). */
  averageClosing?: Odds1x2Prices;
  /**
   * Pre-match (non-closing) prices: Pinnacle, else the market average, else Betbrain's average
   * (files up to 2018/19). `quotedAt` is when the sync stored them: they existed by then at the
   * latest, and football-data publishes no earlier instant.
   */
  preMatch?: { bookmaker: string; odds: Odds1x2Prices; quotedAt: Date };
};

/**
 * One match as the model package sees it (`MatchRecord`), keyed by sync ids. Team keys are the sync
 * team ids as strings, so a renamed team keeps its ratings; the display names ride along.
 */
export type FootballMatch = {
  /** `sync.matches.id` as a string (the model's match id). */
  id: string;
  matchId: number;
  league: string;
  /** Season code, `2324`. */
  season: string;
  /** Kick-off (UTC); 00:00 UTC of the day when the file gave no time. */
  date: Date;
  hasTime: boolean;
  status: MatchStatus;
  /** Team keys: sync team ids as strings. */
  home: string;
  away: string;
  homeTeamId: number;
  awayTeamId: number;
  homeName: string;
  awayName: string;
  homeGoals?: number;
  awayGoals?: number;
  homeShots?: number;
  awayShots?: number;
  homeShotsOnTarget?: number;
  awayShotsOnTarget?: number;
  /** Closing odds, for benchmarking after the fact (never a model input). */
  closingOdds?: { pinnacle?: Odds1x2Prices; average?: Odds1x2Prices };
  /** Pre-match odds with the instant they are known to have existed. */
  preMatchOdds?: { odds: Odds1x2Prices; quotedAt: Date };
};

export type MatchQuery = {
  /** One league, or several; all when absent. */
  leagues?: readonly string[];
  /** Kick-off ≥ this instant. */
  from?: Date;
  /** Kick-off < this instant. */
  before?: Date;
  /** `finished` rows carry both goal counts; `scheduled` rows are fixtures. */
  status?: MatchStatus;
  /** Attach closing and pre-match 1X2 odds (one more query). */
  withOdds?: boolean;
};

/** Leagues that have at least one match, sorted. */
export async function listLeaguesWithMatches(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ league: matches.league })
    .from(matches)
    .orderBy(asc(matches.league));
  return rows.map((r) => r.league);
}

/**
 * Matches by league, kick-off range and status, in kick-off order (then id). Finished matches
 * without both goals are left out (the model cannot use them).
 */
export async function readMatches(db: Db, query: MatchQuery = {}): Promise<FootballMatch[]> {
  const where: SQL[] = [];
  if (query.leagues) where.push(inArray(matches.league, [...query.leagues]));
  if (query.from) where.push(gte(matches.kickoff, query.from));
  if (query.before) where.push(lt(matches.kickoff, query.before));
  if (query.status) where.push(eq(matches.status, query.status));
  if (query.status === "finished") {
    where.push(isNotNull(matches.ftHomeGoals), isNotNull(matches.ftAwayGoals));
  }
  return selectMatches(db, where.length ? and(...where) : undefined, query.withOdds ?? false);
}

/** Matches by sync id (any status); ids that do not exist are simply absent from the result. */
export async function readMatchesByIds(
  db: Db,
  ids: readonly number[],
  opts: { withOdds?: boolean } = {},
): Promise<FootballMatch[]> {
  const out: FootballMatch[] = [];
  for (const chunk of chunks([...new Set(ids)], 5_000)) {
    out.push(...(await selectMatches(db, inArray(matches.id, chunk), opts.withOdds ?? false)));
  }
  return out;
}

const homeTeam = alias(teams, "home_team");
const awayTeam = alias(teams, "away_team");

async function selectMatches(
  db: Db,
  where: SQL | undefined,
  withOdds: boolean,
): Promise<FootballMatch[]> {
  const rows = await db
    .select({
      m: matches,
      homeName: homeTeam.name,
      awayName: awayTeam.name,
    })
    .from(matches)
    .innerJoin(homeTeam, eq(homeTeam.id, matches.homeTeamId))
    .innerJoin(awayTeam, eq(awayTeam.id, matches.awayTeamId))
    .where(where)
    .orderBy(asc(matches.kickoff), asc(matches.id));
  const oddsById = withOdds
    ? await readOdds1x2(
        db,
        rows.map((r) => r.m.id),
      )
    : new Map<number, MatchOdds1x2>();
  return rows.map(({ m, homeName, awayName }) => {
    const finished = m.status === "finished" && m.ftHomeGoals !== null && m.ftAwayGoals !== null;
    const o = oddsById.get(m.id);
    const match: FootballMatch = {
      id: String(m.id),
      matchId: m.id,
      league: m.league,
      season: m.season,
      date: m.kickoff,
      hasTime: m.hasTime,
      status: m.status,
      home: String(m.homeTeamId),
      away: String(m.awayTeamId),
      homeTeamId: m.homeTeamId,
      awayTeamId: m.awayTeamId,
      homeName,
      awayName,
      ...(finished ? { homeGoals: m.ftHomeGoals!, awayGoals: m.ftAwayGoals! } : {}),
      ...defined({
        homeShots: m.homeShots,
        awayShots: m.awayShots,
        homeShotsOnTarget: m.homeShotsOnTarget,
        awayShotsOnTarget: m.awayShotsOnTarget,
      }),
    };
    if (o?.pinnacleClosing || o?.averageClosing) {
      match.closingOdds = {
        ...(o.pinnacleClosing ? { pinnacle: o.pinnacleClosing } : {}),
        ...(o.averageClosing ? { average: o.averageClosing } : {}),
      };
    }
    if (o?.preMatch) match.preMatchOdds = { odds: o.preMatch.odds, quotedAt: o.preMatch.quotedAt };
    return match;
  });
}

/** Bookmakers whose non-closing 1X2 prices count as "the pre-match odds", best first. */
export const PRE_MATCH_BOOKMAKERS = ["pinnacle", "market_avg", "betbrain_avg"] as const;

/**
 * The 1X2 odds of each match that has any: Pinnacle closing, closing market average, and the
 * pre-match prices (see `MatchOdds1x2`). Incomplete rows (a missing selection) count as absent.
 */
export async function readOdds1x2(
  db: Db,
  matchIds: readonly number[],
): Promise<Map<number, MatchOdds1x2>> {
  const out = new Map<number, MatchOdds1x2>();
  const rank = (b: string) =>
    PRE_MATCH_BOOKMAKERS.indexOf(b as (typeof PRE_MATCH_BOOKMAKERS)[number]);
  for (const chunk of chunks([...new Set(matchIds)], 5_000)) {
    const rows = await db
      .select()
      .from(odds)
      .where(
        and(
          inArray(odds.matchId, chunk),
          eq(odds.market, "1x2"),
          inArray(odds.bookmaker, [...PRE_MATCH_BOOKMAKERS]),
        ),
      );
    for (const r of rows) {
      if (!(isPrice(r.home) && isPrice(r.draw) && isPrice(r.away))) continue;
      const prices = { home: r.home, draw: r.draw, away: r.away };
      const entry = out.get(r.matchId) ?? {};
      if (r.closing) {
        if (r.bookmaker === "pinnacle") entry.pinnacleClosing = prices;
        else if (r.bookmaker === "market_avg") entry.averageClosing = prices;
      } else if (!entry.preMatch || rank(r.bookmaker) < rank(entry.preMatch.bookmaker)) {
        entry.preMatch = { bookmaker: r.bookmaker, odds: prices, quotedAt: r.updatedAt };
      }
      out.set(r.matchId, entry);
    }
  }
  return out;
}

/** The pre-match prices of each match as they stand now: what a prediction made now may bet at. */
export async function readPreMatchOdds(
  db: Db,
  matchIds: readonly number[],
): Promise<Map<number, OddsAtPrediction>> {
  const all = await readOdds1x2(db, matchIds);
  const out = new Map<number, OddsAtPrediction>();
  for (const [id, o] of all) {
    if (o.preMatch) out.set(id, { bookmaker: o.preMatch.bookmaker, ...o.preMatch.odds });
  }
  return out;
}

/**
 * The model a league predicts with at `at`: its newest version (highest id) whose cutoff is not
 * after `at`, so a model never sees results later than the instant it predicts from.
 */
export async function readActiveModel(
  db: Db,
  league: string,
  at: Date,
): Promise<ModelVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.league, league), lte(modelVersions.cutoff, at)))
    .orderBy(desc(modelVersions.id))
    .limit(1);
  return row;
}

/** A validated prediction with what the metrics need: probabilities, outcome, scores, odds. */
export type ScoredPrediction = {
  predictionId: number;
  matchId: number;
  modelVersionId: number;
  league: string;
  season: string;
  kickoff: Date;
  madeAt: Date;
  probs: { home: number; draw: number; away: number };
  outcome: "home" | "draw" | "away";
  hit: boolean;
  rps: number;
  logLoss: number;
  brier: number;
  oddsAtPrediction: OddsAtPrediction | null;
};

/** Every validated prediction (one per match), by league then kick-off. */
export async function readScoredPredictions(
  db: Db,
  opts: { leagues?: readonly string[] } = {},
): Promise<ScoredPrediction[]> {
  const rows = await db
    .select({ p: predictions, v: validations })
    .from(validations)
    .innerJoin(predictions, eq(predictions.id, validations.predictionId))
    .where(opts.leagues ? inArray(predictions.league, [...opts.leagues]) : undefined)
    .orderBy(asc(predictions.league), asc(predictions.kickoff), asc(predictions.matchId));
  return rows.map(({ p, v }) => ({
    predictionId: p.id,
    matchId: p.matchId,
    modelVersionId: p.modelVersionId,
    league: p.league,
    season: p.season,
    kickoff: p.kickoff,
    madeAt: p.madeAt,
    probs: { home: p.pHome, draw: p.pDraw, away: p.pAway },
    outcome: v.outcome as ScoredPrediction["outcome"],
    hit: v.hit,
    rps: v.rps,
    logLoss: v.logLoss,
    brier: v.brier,
    oddsAtPrediction: p.oddsAtPrediction,
  }));
}

function isPrice(v: number | null): v is number {
  return v !== null && Number.isFinite(v) && v > 1;
}

/** The entries whose value is not null. */
function defined<T extends Record<string, number | null>>(o: T): { [K in keyof T]?: number } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as {
    [K in keyof T]?: number;
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
