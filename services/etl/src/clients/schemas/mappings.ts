/**
 * The hand-checked id mappings between FPL and SofaScore (`../shared/data/sofascore/mappings`, built
 * by fuzzy name matching for one season: 2025/26, SofaScore season 76986). SofaScore ids are
 * strings in these files and are the keys; FPL ids are numbers and are per season.
 */
import * as z from "zod";

/** SofaScore ids are written as digit strings ("42"). */
const SofaIdString = z.string().regex(/^\d+$/, "expected a SofaScore id (digits)");

/** A fuzzy-match score: 100 is an exact name, the matcher adds bonuses up to 105. */
const MatchScore = z.number().min(0);

/** One club: SofaScore team ↔ FPL team. */
export const TeamMappingEntry = z.looseObject({
  sofasport_id: SofaIdString,
  sofasport_name: z.string().min(1),
  fpl_id: z.number().int().positive(),
  fpl_name: z.string().min(1),
  match_score: MatchScore,
});
export type TeamMappingEntry = z.infer<typeof TeamMappingEntry>;

/** Keys must equal the entry's `sofasport_id`, so a hand edit cannot silently disagree. */
function keysMatchIds(file: Record<string, { sofasport_id: string }>, ctx: z.core.$RefinementCtx) {
  for (const [key, entry] of Object.entries(file)) {
    if (key !== entry.sofasport_id) {
      ctx.addIssue({
        code: "custom",
        path: [key, "sofasport_id"],
        message: `key ${key} differs from sofasport_id ${entry.sofasport_id}`,
      });
    }
  }
}

/** `team_mapping.json`: `{ "<sofascore team id>": TeamMappingEntry }`. */
export const TeamMappingFile = z.record(z.string(), TeamMappingEntry).superRefine(keysMatchIds);
export type TeamMappingFile = z.infer<typeof TeamMappingFile>;

/** One player: SofaScore player ↔ FPL element, with the fuzzy-match score. */
export const PlayerMappingEntry = z.looseObject({
  sofasport_id: SofaIdString,
  sofasport_name: z.string().min(1),
  fpl_id: z.number().int().positive(),
  fpl_web_name: z.string().min(1),
  fpl_full_name: z.string(),
  fpl_team_id: z.number().int().positive(),
  sofasport_team_id: SofaIdString,
  match_score: MatchScore,
});
export type PlayerMappingEntry = z.infer<typeof PlayerMappingEntry>;

/** `player_mapping.json`: `{ "<sofascore player id>": PlayerMappingEntry }`. */
export const PlayerMappingFile = z.record(z.string(), PlayerMappingEntry).superRefine(keysMatchIds);
export type PlayerMappingFile = z.infer<typeof PlayerMappingFile>;
