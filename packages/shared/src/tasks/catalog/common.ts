import * as z from "zod";

/** football-data.co.uk league code: E0, E1, SP1, D1, I1, F1, … */
export const LeagueCode = z
  .string()
  .regex(/^[A-Z]{1,3}[0-9]?$/, "expected a league code such as E0 or SP1");

/** football-data.co.uk season code: `2526` is 2025/26 (two consecutive years). */
export const SeasonCode = z
  .string()
  .regex(/^\d{4}$/, "expected a season code such as 2526")
  .refine(
    (s) => (Number(s.slice(0, 2)) + 1) % 100 === Number(s.slice(2)),
    "a season code names two consecutive years, e.g. 2526",
  );

/** FPL season label: `2025-26`. */
export const FplSeason = z
  .string()
  .regex(/^\d{4}-\d{2}$/, "expected a season such as 2025-26")
  .refine(
    (s) => (Number(s.slice(2, 4)) + 1) % 100 === Number(s.slice(5)),
    "a season names two consecutive years, e.g. 2025-26",
  );

/** No payload: `{}`. Unknown keys are refused (a typo must not pass silently). */
export const NoPayload = z.strictObject({});

/** Row counts of one applied source file. */
export const SyncFileResult = z.object({
  league: z.string(),
  season: z.string(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  emptyRows: z.number().int(),
});

/** What every sync task reports: counts, and the matches whose result changed. */
export const SyncResult = z.object({
  files: z.array(SyncFileResult),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  changedResultMatchIds: z.array(z.string()),
  unknownTeams: z.array(z.string()),
  fixtures: z
    .object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
    .optional(),
});
export type SyncResult = z.infer<typeof SyncResult>;
