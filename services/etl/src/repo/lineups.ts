import { and, desc, eq, inArray } from "drizzle-orm";
import { eventLineups, lineupPlayers, type Db } from "@matchday/shared";

import { inBatches, takeExcluded } from "./upsert.js";

/** One event's lineups as `update_lineups` stores them. */
export interface StoredLineups {
  event: Omit<typeof eventLineups.$inferInsert, "season">;
  players: Omit<typeof lineupPlayers.$inferInsert, "season" | "sofaEventId">[];
}

/** Events of `eventIds` whose stored lineups are confirmed (they are not fetched again). */
export async function confirmedLineupEvents(
  db: Db,
  season: string,
  eventIds: readonly number[],
): Promise<Set<number>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .select({ id: eventLineups.sofaEventId })
    .from(eventLineups)
    .where(
      and(
        eq(eventLineups.season, season),
        inArray(eventLineups.sofaEventId, [...eventIds]),
        eq(eventLineups.confirmed, true),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * Stores the lineups of several events in ONE transaction (all or nothing): each event's row is
 * upserted and its players replaced, so a player SofaScore dropped from a corrected lineup goes.
 */
export async function saveLineups(
  db: Db,
  season: string,
  lineups: readonly StoredLineups[],
): Promise<void> {
  if (lineups.length === 0) return;
  await db.transaction(async (tx) => {
    for (const l of lineups) {
      await tx
        .insert(eventLineups)
        .values({ ...l.event, season })
        .onConflictDoUpdate({
          target: [eventLineups.season, eventLineups.sofaEventId],
          set: takeExcluded(eventLineups, ["season", "sofaEventId"]),
        });
      await tx
        .delete(lineupPlayers)
        .where(
          and(eq(lineupPlayers.season, season), eq(lineupPlayers.sofaEventId, l.event.sofaEventId)),
        );
      for (const batch of inBatches(l.players)) {
        await tx
          .insert(lineupPlayers)
          .values(batch.map((p) => ({ ...p, season, sofaEventId: l.event.sofaEventId })));
      }
    }
  });
}

/** A lineup player with what `collect_heatmaps` needs of his event. */
export interface HeatmapCandidateRow {
  sofaEventId: number;
  sofaPlayerId: number;
  fplElementId: number | null;
  substitute: boolean;
  statistics: Record<string, unknown>;
  gameweek: number;
  hasPlayerHeatmaps: boolean;
}

/** Every player of the gameweek's CONFIRMED lineups (predicted lineups wait for confirmation). */
export async function confirmedLineupPlayers(
  db: Db,
  season: string,
  gameweek: number,
): Promise<HeatmapCandidateRow[]> {
  return db
    .select({
      sofaEventId: lineupPlayers.sofaEventId,
      sofaPlayerId: lineupPlayers.sofaPlayerId,
      fplElementId: lineupPlayers.fplElementId,
      substitute: lineupPlayers.substitute,
      statistics: lineupPlayers.statistics,
      gameweek: eventLineups.gameweek,
      hasPlayerHeatmaps: eventLineups.hasPlayerHeatmaps,
    })
    .from(lineupPlayers)
    .innerJoin(
      eventLineups,
      and(
        eq(eventLineups.season, lineupPlayers.season),
        eq(eventLineups.sofaEventId, lineupPlayers.sofaEventId),
      ),
    )
    .where(
      and(
        eq(lineupPlayers.season, season),
        eq(eventLineups.gameweek, gameweek),
        eq(eventLineups.confirmed, true),
      ),
    )
    .orderBy(lineupPlayers.sofaEventId, lineupPlayers.sofaPlayerId);
}

/** The latest gameweek with stored lineups, or undefined. */
export async function latestLineupGameweek(db: Db, season: string): Promise<number | undefined> {
  const [row] = await db
    .select({ gameweek: eventLineups.gameweek })
    .from(eventLineups)
    .where(eq(eventLineups.season, season))
    .orderBy(desc(eventLineups.gameweek))
    .limit(1);
  return row?.gameweek;
}
