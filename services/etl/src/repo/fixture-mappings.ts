import { and, asc, eq, inArray } from "drizzle-orm";
import { fixtureMappings, type Db } from "@matchday/shared";

import { inBatches, takeExcluded } from "./upsert.js";

/** A stored fixture mapping. */
export type FixtureMappingRow = typeof fixtureMappings.$inferSelect;
/** What `replaceFixtureMappings` writes for one fixture. */
export type NewFixtureMapping = Omit<typeof fixtureMappings.$inferInsert, "season" | "updatedAt">;

/**
 * Makes the season's stored mappings exactly `rows`, in one transaction: mappings that no longer
 * hold (the fixture is now unmapped, or maps to another event) are removed first, so the
 * (season, event) uniqueness never trips over a stale row; the rest are upserted. Idempotent.
 */
export async function replaceFixtureMappings(
  db: Db,
  season: string,
  rows: readonly NewFixtureMapping[],
): Promise<{ removed: number; written: number }> {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({
        fplFixtureId: fixtureMappings.fplFixtureId,
        sofaEventId: fixtureMappings.sofaEventId,
      })
      .from(fixtureMappings)
      .where(eq(fixtureMappings.season, season));
    const wanted = new Map(rows.map((r) => [r.fplFixtureId, r.sofaEventId]));
    const stale = existing
      .filter((e) => wanted.get(e.fplFixtureId) !== e.sofaEventId)
      .map((e) => e.fplFixtureId);
    for (const batch of inBatches(stale)) {
      await tx
        .delete(fixtureMappings)
        .where(
          and(eq(fixtureMappings.season, season), inArray(fixtureMappings.fplFixtureId, batch)),
        );
    }
    for (const batch of inBatches(rows)) {
      await tx
        .insert(fixtureMappings)
        .values(batch.map((r) => ({ ...r, season })))
        .onConflictDoUpdate({
          target: [fixtureMappings.season, fixtureMappings.fplFixtureId],
          set: takeExcluded(fixtureMappings, ["season", "fplFixtureId"]),
        });
    }
    return { removed: stale.length, written: rows.length };
  });
}

/** The season's mapped fixtures of one gameweek, by kick-off. */
export async function mappedFixturesOfGameweek(
  db: Db,
  season: string,
  gameweek: number,
): Promise<FixtureMappingRow[]> {
  return db
    .select()
    .from(fixtureMappings)
    .where(and(eq(fixtureMappings.season, season), eq(fixtureMappings.gameweek, gameweek)))
    .orderBy(asc(fixtureMappings.kickoff), asc(fixtureMappings.fplFixtureId));
}
