import { desc, eq } from "drizzle-orm";
import {
  modelVersions,
  type Db,
  type ModelVersionRow,
  type NewModelVersionRow,
} from "@matchday/shared";

/** The newest stored version of a league (highest id), whatever its cutoff. */
export async function latestModelVersion(
  db: Db,
  league: string,
): Promise<ModelVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(modelVersions)
    .where(eq(modelVersions.league, league))
    .orderBy(desc(modelVersions.id))
    .limit(1);
  return row;
}

/** Stores a new version and returns its id. */
export async function insertModelVersion(db: Db, row: NewModelVersionRow): Promise<number> {
  const [inserted] = await db.insert(modelVersions).values(row).returning({ id: modelVersions.id });
  return inserted!.id;
}
