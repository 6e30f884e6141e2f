import { eq } from "drizzle-orm";
import { playerSeasonStats, type Db } from "@matchday/shared";

import {
  SEASON_STAT_COLUMNS,
  type SeasonStatColumnName,
  type SeasonStatColumns,
} from "../domain/season-stats.js";
import { inBatches, takeExcluded } from "./upsert.js";

/** A stored season-statistics row. */
export type SeasonStatsRow = typeof playerSeasonStats.$inferSelect;
/** What `update_season_stats` writes for one player. */
export type NewSeasonStats = Omit<typeof playerSeasonStats.$inferInsert, "season" | "updatedAt">;

/** Upserts the season's rows in ONE transaction: a failed run leaves the previous rows intact. */
export async function saveSeasonStats(
  db: Db,
  season: string,
  rows: readonly NewSeasonStats[],
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const batch of inBatches(rows, 200)) {
      await tx
        .insert(playerSeasonStats)
        .values(batch.map((r) => ({ ...r, season })))
        .onConflictDoUpdate({
          target: [playerSeasonStats.season, playerSeasonStats.fplElementId],
          set: takeExcluded(playerSeasonStats, ["season", "fplElementId"]),
        });
    }
  });
}

/** Every season-statistics row of the season. */
export async function readSeasonStats(db: Db, season: string): Promise<SeasonStatsRow[]> {
  return db.select().from(playerSeasonStats).where(eq(playerSeasonStats.season, season));
}

/**
 * The table key of a typed SofaScore column: `sofa_` + the mapping table's column name, in
 * camelCase (`accurate_passes` → `sofaAccuratePasses`, column `sofa_accurate_passes`).
 */
export function sofaColumnKey(column: SeasonStatColumnName): keyof NewSeasonStats {
  return `sofa_${column}`.replace(/_([a-z0-9])/g, (_, c: string) =>
    c.toUpperCase(),
  ) as keyof NewSeasonStats;
}

/** The typed SofaScore columns of a row (all null when SofaScore had no statistics). */
export function sofaColumnValues(columns: SeasonStatColumns | null): Partial<NewSeasonStats> {
  return Object.fromEntries(
    SEASON_STAT_COLUMNS.map((c) => [sofaColumnKey(c.column), columns?.[c.column] ?? null]),
  ) as Partial<NewSeasonStats>;
}

/** The typed SofaScore columns of a stored row, back under the mapping table's names. */
export function sofaColumnsOf(row: SeasonStatsRow): SeasonStatColumns {
  const stored = row as unknown as Record<string, number | null>;
  return Object.fromEntries(
    SEASON_STAT_COLUMNS.map((c) => [c.column, stored[sofaColumnKey(c.column)] ?? null]),
  ) as SeasonStatColumns;
}
