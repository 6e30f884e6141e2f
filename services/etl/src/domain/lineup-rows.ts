/**
 * `update_lineups`, the pure part: SofaScore lineups → one row per player (FPL element when the
 * player mapping knows him, else null and listed as unmapped), and which gameweek to fetch.
 */
import type { FplGameweek } from "../clients/schemas/fpl.js";
import type { SofaLineups } from "../clients/schemas/sofascore.js";

/** One lineup player as stored (the repository adds season and event). */
export interface LineupPlayerRow {
  sofaPlayerId: number;
  fplElementId: number | null;
  playerName: string;
  side: "home" | "away";
  sofaTeamId: number;
  position: string | null;
  substitute: boolean;
  /** Whole minutes played; 0 for an unused substitute (`statistics: {}`). */
  minutes: number;
  rating: number | null;
  goals: number;
  assists: number;
  statistics: Record<string, unknown>;
}

/** Rows of both lineups, plus the players the mapping does not know (id and name). */
export interface LineupRows {
  players: LineupPlayerRow[];
  unmapped: { id: number; name: string }[];
}

/**
 * Both lineups → rows. A player listed twice (SofaScore sometimes repeats a substitute) keeps his
 * first entry; an unmapped player is kept with `fplElementId: null` and listed, never dropped.
 */
export function lineupRows(
  lineups: Pick<SofaLineups, "home" | "away">,
  fplElementOf: ReadonlyMap<number, number>,
): LineupRows {
  const players: LineupPlayerRow[] = [];
  const unmapped: { id: number; name: string }[] = [];
  const seen = new Set<number>();
  for (const side of ["home", "away"] as const) {
    for (const p of lineups[side].players) {
      if (seen.has(p.player.id)) continue;
      seen.add(p.player.id);
      const s = p.statistics;
      const fplElementId = fplElementOf.get(p.player.id) ?? null;
      if (fplElementId === null) unmapped.push({ id: p.player.id, name: p.player.name });
      players.push({
        sofaPlayerId: p.player.id,
        fplElementId,
        playerName: p.player.name,
        side,
        sofaTeamId: p.teamId,
        position: p.position ?? p.player.position ?? null,
        substitute: p.substitute,
        minutes: Math.round(s.minutesPlayed ?? 0),
        rating: s.rating ?? null,
        goals: s.goals ?? 0,
        assists: s.goalAssist ?? 0,
        statistics: { ...s },
      });
    }
  }
  return { players, unmapped };
}

/** The latest gameweek FPL marks finished, or undefined before the first one ends. */
export function latestFinishedGameweek(
  events: readonly Pick<FplGameweek, "id" | "finished">[],
): number | undefined {
  const finished = events.filter((e) => e.finished).map((e) => e.id);
  return finished.length > 0 ? Math.max(...finished) : undefined;
}
