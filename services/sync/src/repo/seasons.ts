import { and, count, eq, sql } from "drizzle-orm";
import { leagues, matches, seasons, type Db, type SeasonRow } from "@matchday/shared";
import { LEAGUE_NAMES } from "../domain/league-names.js";

/**
 * Takes the transaction-level advisory lock of one (league, season): two applies of the same season
 * (a manual `sync_single_league` during the daily `sync_all_leagues`, say) run one after the other
 * instead of racing on the same rows. Released at commit or rollback.
 */
export async function lockSeason(tx: Db, league: string, season: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`sync.season:${league}:${season}`}::text, 0))`,
  );
}

/** Adds the league (with its display name when known) unless it exists. */
export async function ensureLeague(tx: Db, code: string): Promise<void> {
  await tx
    .insert(leagues)
    .values({ code, name: LEAGUE_NAMES[code] ?? null })
    .onConflictDoNothing();
}

/** What was last applied for (league, season), or undefined before the first apply. */
export async function readSeasonState(
  db: Db,
  league: string,
  season: string,
): Promise<SeasonRow | undefined> {
  const [row] = await db
    .select()
    .from(seasons)
    .where(and(eq(seasons.league, league), eq(seasons.season, season)));
  return row;
}

/** How many matches are stored for (league, season), whatever their status. */
export async function countSeasonMatches(db: Db, league: string, season: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(matches)
    .where(and(eq(matches.league, league), eq(matches.season, season)));
  return row?.n ?? 0;
}

/**
 * Records the file just applied to (league, season): its origin, the SHA-256 of its bytes (hex) and
 * how many distinct matches it held, so an identical re-download can be recognised at once. The row
 * is left alone when all three are already recorded (re-applying the same file writes nothing), so
 * `lastSyncedAt` is when the current file was first applied.
 */
export async function recordSeasonApplied(
  tx: Db,
  applied: {
    league: string;
    season: string;
    origin: string;
    sha256: string;
    matchCount: number;
    syncedAt: Date;
  },
): Promise<void> {
  const values = {
    lastOrigin: applied.origin,
    lastFileSha256: applied.sha256,
    lastSyncedAt: applied.syncedAt,
    matchCount: applied.matchCount,
  };
  await tx
    .insert(seasons)
    .values({ league: applied.league, season: applied.season, ...values })
    .onConflictDoUpdate({
      target: [seasons.league, seasons.season],
      set: { ...values, updatedAt: sql`now()` },
      setWhere: sql`(${seasons.lastOrigin}, ${seasons.lastFileSha256}, ${seasons.matchCount})
        is distinct from (excluded.last_origin, excluded.last_file_sha256, excluded.match_count)`,
    });
}
