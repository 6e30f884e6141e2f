import { playerAttributes, playerRadars, type Db } from "@matchday/shared";

import { inBatches, takeExcluded } from "./upsert.js";

/** A SofaScore attribute-overview row. */
export type NewPlayerAttributes = Omit<
  typeof playerAttributes.$inferInsert,
  "season" | "updatedAt"
>;
/** One of our radar rows (ranked or below the minutes threshold). */
export type NewPlayerRadar = Omit<typeof playerRadars.$inferInsert, "season" | "updatedAt">;

/** Upserts the season's attribute overviews and radars in ONE transaction. */
export async function saveRadarsAndAttributes(
  db: Db,
  season: string,
  attributes: readonly NewPlayerAttributes[],
  radars: readonly NewPlayerRadar[],
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const batch of inBatches(attributes)) {
      await tx
        .insert(playerAttributes)
        .values(batch.map((r) => ({ ...r, season })))
        .onConflictDoUpdate({
          target: [playerAttributes.season, playerAttributes.fplElementId],
          set: takeExcluded(playerAttributes, ["season", "fplElementId"]),
        });
    }
    for (const batch of inBatches(radars)) {
      await tx
        .insert(playerRadars)
        .values(batch.map((r) => ({ ...r, season })))
        .onConflictDoUpdate({
          target: [playerRadars.season, playerRadars.fplElementId],
          set: takeExcluded(playerRadars, ["season", "fplElementId"]),
        });
    }
  });
}
