import { and, eq, inArray } from "drizzle-orm";
import { heatmaps, playerSeasonHeatmaps, type Db, type StoredHeatmapGrid } from "@matchday/shared";

import { aggregateHeatmapGrids } from "../domain/heatmap-grid.js";
import { inBatches, takeExcluded } from "./upsert.js";

/** A heatmap row as `collect_heatmaps` writes it. */
export type NewHeatmap = Omit<typeof heatmaps.$inferInsert, "season">;

/** `<event>:<player>`: the identity of a heatmap within a season. */
export const heatmapKey = (sofaEventId: number, sofaPlayerId: number) =>
  `${sofaEventId}:${sofaPlayerId}`;

/** Keys of the heatmaps (collected or unavailable) already stored for these events. */
export async function storedHeatmapKeys(
  db: Db,
  season: string,
  eventIds: readonly number[],
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .select({ e: heatmaps.sofaEventId, p: heatmaps.sofaPlayerId })
    .from(heatmaps)
    .where(and(eq(heatmaps.season, season), inArray(heatmaps.sofaEventId, [...eventIds])));
  return new Set(rows.map((r) => heatmapKey(r.e, r.p)));
}

/**
 * Stores one heatmap at once (its own statement, so a crash keeps it and a restart skips it).
 * An existing row for the (season, event, player) wins: returns false and changes nothing.
 */
export async function insertHeatmap(db: Db, season: string, row: NewHeatmap): Promise<boolean> {
  const inserted = await db
    .insert(heatmaps)
    .values({ ...row, season })
    .onConflictDoNothing()
    .returning({ e: heatmaps.sofaEventId });
  return inserted.length > 0;
}

/**
 * Recomputes the season heatmap of each player from all his collected match heatmaps of the
 * season (pooled, weighted by points). Idempotent: the same rows give the same aggregate.
 */
export async function refreshPlayerSeasonHeatmaps(
  db: Db,
  season: string,
  sofaPlayerIds: readonly number[],
): Promise<number> {
  let written = 0;
  for (const batch of inBatches([...new Set(sofaPlayerIds)])) {
    const rows = await db
      .select({
        sofaPlayerId: heatmaps.sofaPlayerId,
        fplElementId: heatmaps.fplElementId,
        grid: heatmaps.grid,
      })
      .from(heatmaps)
      .where(
        and(
          eq(heatmaps.season, season),
          eq(heatmaps.status, "collected"),
          inArray(heatmaps.sofaPlayerId, batch),
        ),
      );
    const byPlayer = new Map<number, { fplElementId: number | null; grids: StoredHeatmapGrid[] }>();
    for (const r of rows) {
      if (!r.grid) continue;
      const entry = byPlayer.get(r.sofaPlayerId) ?? { fplElementId: r.fplElementId, grids: [] };
      entry.grids.push(r.grid);
      byPlayer.set(r.sofaPlayerId, entry);
    }
    const values = [...byPlayer].flatMap(([sofaPlayerId, { fplElementId, grids }]) => {
      const grid = aggregateHeatmapGrids(grids);
      return grid
        ? [
            {
              season,
              sofaPlayerId,
              fplElementId,
              matches: grids.length,
              pointCount: grid.pointCount,
              grid,
            },
          ]
        : [];
    });
    if (values.length === 0) continue;
    await db
      .insert(playerSeasonHeatmaps)
      .values(values)
      .onConflictDoUpdate({
        target: [playerSeasonHeatmaps.season, playerSeasonHeatmaps.sofaPlayerId],
        set: takeExcluded(playerSeasonHeatmaps, ["season", "sofaPlayerId"]),
      });
    written += values.length;
  }
  return written;
}
