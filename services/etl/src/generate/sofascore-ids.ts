/**
 * SofaScore identities for an FPL season: season, team, player and event ids.
 *
 * - Teams: the real `sofascore/mappings/team_mapping.json` (built for 2025/26) is matched by name
 *   (`fpl_name`, then `sofasport_name`, case- and accent-insensitive); a club it does not list
 *   (e.g. Luton in 2023-24) gets the invented id `INVENTED_TEAM_ID_BASE + FPL team code`.
 * - Players: the real `player_mapping.json` is matched on the full name (`fpl_full_name` against
 *   FPL `first_name second_name`, accent-insensitive, only when exactly one entry matches);
 *   everyone else gets `INVENTED_PLAYER_ID_BASE + FPL element code`. FPL `code`s are stable across
 *   seasons, so an invented id is stable across seasons and seeds.
 * - Season: 76986 for 2025-26 (the one id the data pack documents); any other season gets
 *   `INVENTED_SEASON_ID_BASE + start year`.
 * - Events: `INVENTED_EVENT_ID_BASE + (start year mod 100) × 1000 + FPL fixture id`, so one FPL
 *   fixture is one SofaScore event and the ids never collide between seasons.
 *
 * Invented ids are far above the real ranges observed in the pack, so they cannot be mistaken
 * for real SofaScore ids.
 */
import type { FplElement, FplTeam } from "../clients/schemas/fpl.js";
import type { PlayerMappingFile, TeamMappingFile } from "../clients/schemas/mappings.js";
import { parseSeason } from "./season-recordings.js";

export const INVENTED_TEAM_ID_BASE = 990_000;
export const INVENTED_PLAYER_ID_BASE = 90_000_000;
export const INVENTED_SEASON_ID_BASE = 900_000;
export const INVENTED_EVENT_ID_BASE = 80_000_000;

/** The SofaScore season id of the 2025/26 Premier League (ceasemaker/FPL). */
const KNOWN_SEASON_IDS: Record<string, number> = { "2025-26": 76986 };

/** A SofaScore team as the generator writes it, with where its id came from. */
export interface SofaTeamIdentity {
  id: number;
  name: string;
  slug: string;
  shortName: string;
  nameCode: string;
  fplId: number;
  source: "mapping" | "invented";
  /** The mapping's fuzzy-match score when reused, 100 for invented (exact by construction). */
  matchScore: number;
}

/** A SofaScore player id for one FPL element, with where it came from. */
export interface SofaPlayerIdentity {
  id: number;
  name: string;
  source: "mapping" | "invented";
  matchScore: number;
}

/** Lower-case ASCII without accents and punctuation: "Łukasz Fabiański" → "lukasz fabianski". */
export function normaliseName(name: string): string {
  return name
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/ø/g, "o")
    .replace(/Ø/g, "O")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** URL slug as SofaScore writes them: "Brighton & Hove Albion" → "brighton-hove-albion". */
export function slugify(name: string): string {
  return normaliseName(name).replace(/ /g, "-");
}

/** The SofaScore season object for an FPL season code. */
export function sofaSeasonFor(season: string): { id: number; name: string; year: string } {
  const { startYear } = parseSeason(season);
  const year = `${String(startYear % 100).padStart(2, "0")}/${String((startYear + 1) % 100).padStart(2, "0")}`;
  return {
    id: KNOWN_SEASON_IDS[season] ?? INVENTED_SEASON_ID_BASE + startYear,
    name: `Premier League ${year}`,
    year,
  };
}

/** The invented SofaScore event id of an FPL fixture. */
export function sofaEventIdFor(season: string, fplFixtureId: number): number {
  return INVENTED_EVENT_ID_BASE + (parseSeason(season).startYear % 100) * 1000 + fplFixtureId;
}

/** FPL team id → SofaScore team identity (see the module comment for the rule). */
export function resolveSofaTeams(
  teams: readonly FplTeam[],
  mapping: TeamMappingFile,
): Map<number, SofaTeamIdentity> {
  const entries = Object.values(mapping);
  const out = new Map<number, SofaTeamIdentity>();
  for (const team of teams) {
    const key = normaliseName(team.name);
    const hit =
      entries.find((e) => normaliseName(e.fpl_name) === key) ??
      entries.find((e) => normaliseName(e.sofasport_name) === key);
    const name = hit?.sofasport_name ?? team.name;
    out.set(team.id, {
      id: hit ? Number(hit.sofasport_id) : INVENTED_TEAM_ID_BASE + team.code,
      name,
      slug: slugify(name),
      shortName: team.name,
      nameCode: team.short_name,
      fplId: team.id,
      source: hit ? "mapping" : "invented",
      matchScore: hit?.match_score ?? 100,
    });
  }
  return out;
}

/** FPL element id → SofaScore player identity (see the module comment for the rule). */
export function resolveSofaPlayers(
  elements: readonly FplElement[],
  mapping: PlayerMappingFile,
): Map<number, SofaPlayerIdentity> {
  const byName = new Map<string, PlayerMappingFile[string][]>();
  for (const entry of Object.values(mapping)) {
    const key = normaliseName(entry.fpl_full_name);
    byName.set(key, [...(byName.get(key) ?? []), entry]);
  }
  const used = new Set<number>();
  const out = new Map<number, SofaPlayerIdentity>();
  for (const el of [...elements].sort((a, b) => a.id - b.id)) {
    const full = `${el.first_name} ${el.second_name}`;
    const hits = byName.get(normaliseName(full)) ?? [];
    const hit = hits.length === 1 ? hits[0] : undefined;
    const id = hit ? Number(hit.sofasport_id) : INVENTED_PLAYER_ID_BASE + el.code;
    if (hit && !used.has(id)) {
      used.add(id);
      out.set(el.id, {
        id,
        name: hit.sofasport_name,
        source: "mapping",
        matchScore: hit.match_score,
      });
    } else {
      out.set(el.id, {
        id: INVENTED_PLAYER_ID_BASE + el.code,
        name: full.trim() || el.web_name,
        source: "invented",
        matchScore: 100,
      });
    }
  }
  return out;
}
