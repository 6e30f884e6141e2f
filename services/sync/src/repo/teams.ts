import { rowsOf } from "@matchday/shared";
import { sql } from "drizzle-orm";
import type { Db } from "@matchday/shared";

/** Source ids of `sync.team_aliases.source`. */
export const TeamSource = {
  /** football-data.co.uk: the primary source, whose names are canonical. */
  FootballData: "football-data",
  Fpl: "fpl",
  SofaScore: "sofascore",
} as const;
export type TeamSource = (typeof TeamSource)[keyof typeof TeamSource];

/** Names mapped to team ids, and which of them no alias knew before this call. */
export interface ResolvedTeams {
  ids: Map<string, number>;
  /** Names that created a team in this call (sorted). */
  created: string[];
}

/**
 * Whether a name first met in `source` creates a team an operator must review. football-data is
 * the primary source: its names are canonical, so they create teams with `needsReview = false`
 * (seeding nothing, its first sight of a club is the club). A name from any other source (FPL,
 * SofaScore) that no alias knows is more likely another spelling of a known club than a new club:
 * it creates a team flagged `needsReview = true`, to be merged by an operator, never guessed.
 */
export function createsReviewedTeam(source: string): boolean {
  return source !== TeamSource.FootballData;
}

/** Serializes team creation: held from the first creation to the end of the transaction. */
const TEAM_CREATION_LOCK = sql`select pg_advisory_xact_lock(hashtextextended('sync.team_aliases', 0))`;

/**
 * The team ids of `names` as `source` writes them, read-only: names no alias knows are absent from
 * the map.
 */
export async function lookupTeams(
  db: Db,
  source: string,
  names: Iterable<string>,
): Promise<Map<string, number>> {
  const wanted = [...new Set(names)];
  if (wanted.length === 0) return new Map();
  const rows = rowsOf<{ name: string; team_id: number }>(
    await db.execute(sql`
      select name, team_id from sync.team_aliases
      where source = ${source} and name = any(${sql.param(wanted)}::text[])`),
  );
  return new Map(rows.map((r) => [r.name, r.team_id]));
}

/**
 * Maps each of `names` (as `source` writes them) to one team id, creating a team and its alias for
 * every name no alias knows, all missing names in one statement. Run it inside the transaction that
 * writes the matches: the created teams commit or roll back with them. Creation takes a
 * transaction-level advisory lock, so two syncs meeting the same new name create one team, not two;
 * a run whose names are all known takes no lock. See `createsReviewedTeam` for the review flag.
 */
export async function resolveTeams(
  tx: Db,
  source: string,
  names: Iterable<string>,
): Promise<ResolvedTeams> {
  const wanted = [...new Set(names)];
  const ids = await lookupTeams(tx, source, wanted);
  const missing = wanted.filter((n) => !ids.has(n));
  if (missing.length === 0) return { ids, created: [] };

  await tx.execute(TEAM_CREATION_LOCK);
  // Under the lock, a name another transaction created meanwhile is found, not created again.
  const rows = rowsOf<{ name: string; team_id: number; created: boolean }>(
    await tx.execute(sql`
      with wanted(name) as (select unnest(${sql.param(missing)}::text[])),
      fresh as (
        select w.name from wanted w
        where not exists (
          select 1 from sync.team_aliases a where a.source = ${source} and a.name = w.name)
      ),
      new_teams as (
        insert into sync.teams (name, needs_review)
        select name, ${createsReviewedTeam(source)}::boolean from fresh order by name
        returning id, name
      ),
      new_aliases as (
        insert into sync.team_aliases (source, name, team_id)
        select ${source}::text, name, id from new_teams
        returning name, team_id
      )
      select name, team_id, true as created from new_aliases
      union all
      select a.name, a.team_id, false from sync.team_aliases a
      join wanted w on w.name = a.name
      where a.source = ${source}`),
  );
  const created: string[] = [];
  for (const r of rows) {
    ids.set(r.name, r.team_id);
    if (r.created) created.push(r.name);
  }
  return { ids, created: created.sort() };
}
