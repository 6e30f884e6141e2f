/**
 * zod schemas for SofaScore's `api/v1` answers (the RapidAPI "SofaSport" proxy sends the same
 * payloads wrapped in `{"data": …}`; the client unwraps them before these schemas run).
 *
 * Objects are loose: SofaScore adds presentation fields freely and those pass through. What is
 * declared is what the ETL reads, typed and nullable as observed in the real recordings under
 * `../shared/data/sofascore` (lineups, statistics, an event list) and, where no recording exists
 * (Premier League round events, heatmaps, player season statistics, attribute overviews), as
 * `../shared/data/README.md` §3 documents them.
 */
import * as z from "zod";

const Id = z.number().int().nonnegative();
const Stat = z.number();

/** A club or national team inside an event. */
export const SofaTeam = z.looseObject({
  id: Id,
  name: z.string().min(1),
  slug: z.string().optional(),
  shortName: z.string().optional(),
  nameCode: z.string().optional(),
});
export type SofaTeam = z.infer<typeof SofaTeam>;

/** `notstarted|inprogress|finished|postponed|canceled`, plus rarer ones (`interrupted`, …). */
export const SofaStatus = z.looseObject({
  code: z.number().int(),
  description: z.string().optional(),
  type: z.string().min(1),
});
export type SofaStatus = z.infer<typeof SofaStatus>;

/** `homeScore`/`awayScore`: `{}` before kick-off, then `current`, `period1`, … */
export const SofaScore = z.looseObject({
  current: z.number().int().optional(),
  display: z.number().int().optional(),
  period1: z.number().int().optional(),
  period2: z.number().int().optional(),
  normaltime: z.number().int().optional(),
});
export type SofaScore = z.infer<typeof SofaScore>;

/** A season as SofaScore names it: 2025/26 of the Premier League is `{id: 76986, year: "25/26"}`. */
export const SofaSeason = z.looseObject({
  id: Id,
  name: z.string().optional(),
  year: z.string().optional(),
});
export type SofaSeason = z.infer<typeof SofaSeason>;

/** A match, as it appears in event lists and inside `GET event/{id}`. */
export const SofaEvent = z.looseObject({
  id: Id,
  slug: z.string().optional(),
  customId: z.string().optional(),
  /** Kick-off, unix seconds (UTC). */
  startTimestamp: z.number().int(),
  status: SofaStatus,
  /** 1 home win, 2 away win, 3 draw; absent before the end. */
  winnerCode: z.number().int().optional(),
  /** Absent for some cup events. */
  roundInfo: z.looseObject({ round: z.number().int() }).optional(),
  tournament: z.looseObject({
    id: Id.optional(),
    name: z.string().optional(),
    uniqueTournament: z.looseObject({ id: Id, name: z.string().optional() }).optional(),
  }),
  season: SofaSeason,
  homeTeam: SofaTeam,
  awayTeam: SofaTeam,
  homeScore: SofaScore,
  awayScore: SofaScore,
  hasXg: z.boolean().optional(),
  hasEventPlayerStatistics: z.boolean().optional(),
  /** false when SofaScore keeps no player heatmaps for this match. */
  hasEventPlayerHeatMap: z.boolean().optional(),
  finalResultOnly: z.boolean().optional(),
});
export type SofaEvent = z.infer<typeof SofaEvent>;

/**
 * `GET unique-tournament/{ut}/season/{s}/events/round/{n}` → `{events}`; the paged
 * `events/last|next/{page}` variant adds `hasNextPage` (see `SofaEventsPage`).
 */
export const SofaRoundEvents = z.looseObject({
  events: z.array(SofaEvent),
  hasNextPage: z.boolean().optional(),
});
export type SofaRoundEvents = z.infer<typeof SofaRoundEvents>;

/** `GET unique-tournament/{ut}/season/{s}/events/{last|next}/{page}`: one page, 0-based. */
export const SofaEventsPage = SofaRoundEvents.extend({ hasNextPage: z.boolean() });
export type SofaEventsPage = z.infer<typeof SofaEventsPage>;

/** `GET event/{id}` → `{event}`. */
export const SofaEventResponse = z.looseObject({ event: SofaEvent });
export type SofaEventResponse = z.infer<typeof SofaEventResponse>;

/** The person inside a lineup entry. */
export const SofaPlayer = z.looseObject({
  id: Id,
  name: z.string().min(1),
  slug: z.string().optional(),
  shortName: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  /** G, D, M or F. */
  position: z.string().optional(),
  jerseyNumber: z.string().optional(),
  height: z.number().optional(),
  dateOfBirthTimestamp: z.number().int().optional(),
});
export type SofaPlayer = z.infer<typeof SofaPlayer>;

/**
 * A player's statistics in one match. `{}` for a bench player who did not come on (no
 * `minutesPlayed`). All numbers; the keys the ETL reads are declared, the others pass through.
 */
export const SofaPlayerMatchStatistics = z.looseObject({
  minutesPlayed: Stat.optional(),
  rating: Stat.optional(),
  ratingVersions: z
    .looseObject({ original: Stat.optional(), alternative: Stat.optional() })
    .optional(),
  goals: Stat.optional(),
  goalAssist: Stat.optional(),
  expectedGoals: Stat.optional(),
  expectedAssists: Stat.optional(),
  totalPass: Stat.optional(),
  accuratePass: Stat.optional(),
  keyPass: Stat.optional(),
  touches: Stat.optional(),
  totalTackle: Stat.optional(),
  interceptionWon: Stat.optional(),
  totalClearance: Stat.optional(),
  duelWon: Stat.optional(),
  duelLost: Stat.optional(),
  aerialWon: Stat.optional(),
  aerialLost: Stat.optional(),
  onTargetScoringAttempt: Stat.optional(),
  shotOffTarget: Stat.optional(),
  blockedScoringAttempt: Stat.optional(),
  bigChanceCreated: Stat.optional(),
  bigChanceMissed: Stat.optional(),
  wonContest: Stat.optional(),
  totalContest: Stat.optional(),
  fouls: Stat.optional(),
  wasFouled: Stat.optional(),
  saves: Stat.optional(),
  goalsPrevented: Stat.optional(),
  ownGoals: Stat.optional(),
});
export type SofaPlayerMatchStatistics = z.infer<typeof SofaPlayerMatchStatistics>;

/** `lineups.home|away.players[]`. */
export const SofaLineupPlayer = z.looseObject({
  player: SofaPlayer,
  teamId: Id,
  shirtNumber: z.number().int().optional(),
  jerseyNumber: z.string().optional(),
  position: z.string().optional(),
  substitute: z.boolean(),
  captain: z.boolean().optional(),
  statistics: SofaPlayerMatchStatistics,
});
export type SofaLineupPlayer = z.infer<typeof SofaLineupPlayer>;

/** `lineups.home|away`. */
export const SofaTeamLineup = z.looseObject({
  players: z.array(SofaLineupPlayer),
  /** "4-3-3"; absent before lineups are known. */
  formation: z.string().optional(),
  missingPlayers: z
    .array(
      z.looseObject({
        player: SofaPlayer,
        /** "missing" or "doubtful". */
        type: z.string(),
        reason: z.number().int().optional(),
      }),
    )
    .optional(),
});
export type SofaTeamLineup = z.infer<typeof SofaTeamLineup>;

/** `GET event/{id}/lineups`; `confirmed: false` while the lineups are predicted. */
export const SofaLineups = z.looseObject({
  confirmed: z.boolean(),
  home: SofaTeamLineup,
  away: SofaTeamLineup,
});
export type SofaLineups = z.infer<typeof SofaLineups>;

/** One heatmap sample: pitch coordinates 0–100 (x along the pitch, y across), no weight. */
export const SofaHeatmapPoint = z.looseObject({
  x: z.number().min(0).max(100),
  y: z.number().min(0).max(100),
});
export type SofaHeatmapPoint = z.infer<typeof SofaHeatmapPoint>;

/** `GET event/{id}/player/{pid}/heatmap` → `{heatmap: [{x, y}]}`; `[]` when there is none. */
export const SofaHeatmap = z.looseObject({ heatmap: z.array(SofaHeatmapPoint) });
export type SofaHeatmap = z.infer<typeof SofaHeatmap>;

/**
 * `GET player/{id}/unique-tournament/{ut}/season/{s}/statistics/overall`. About 100 numeric keys;
 * those the ETL reads are declared (each optional: SofaScore omits what a player never did).
 */
export const SofaPlayerSeasonStats = z.looseObject({
  statistics: z.looseObject({
    id: Id.optional(),
    type: z.string().optional(),
    rating: Stat.optional(),
    totalRating: Stat.optional(),
    countRating: Stat.optional(),
    minutesPlayed: Stat.optional(),
    appearances: Stat.optional(),
    matchesStarted: Stat.optional(),
    goals: Stat.optional(),
    assists: Stat.optional(),
    expectedGoals: Stat.optional(),
    expectedAssists: Stat.optional(),
    bigChancesCreated: Stat.optional(),
    bigChancesMissed: Stat.optional(),
    totalShots: Stat.optional(),
    shotsOnTarget: Stat.optional(),
    accuratePasses: Stat.optional(),
    totalPasses: Stat.optional(),
    accuratePassesPercentage: Stat.optional(),
    keyPasses: Stat.optional(),
    accurateLongBalls: Stat.optional(),
    tackles: Stat.optional(),
    interceptions: Stat.optional(),
    clearances: Stat.optional(),
    totalDuelsWon: Stat.optional(),
    aerialDuelsWon: Stat.optional(),
    groundDuelsWon: Stat.optional(),
    yellowCards: Stat.optional(),
    redCards: Stat.optional(),
    fouls: Stat.optional(),
    wasFouled: Stat.optional(),
    saves: Stat.optional(),
    cleanSheet: Stat.optional(),
    goalsConceded: Stat.optional(),
  }),
  team: SofaTeam.optional(),
});
export type SofaPlayerSeasonStats = z.infer<typeof SofaPlayerSeasonStats>;

/** One radar: five 0–100 ratings for a position and a season offset. */
export const SofaAttributeOverview = z.looseObject({
  attacking: z.number().min(0).max(100),
  technical: z.number().min(0).max(100),
  tactical: z.number().min(0).max(100),
  defending: z.number().min(0).max(100),
  creativity: z.number().min(0).max(100),
  /** G, D, M or F. */
  position: z.string().min(1),
  /** 0 = the current season, 1 = the previous one, … */
  yearShift: z.number().int().nonnegative(),
  id: Id,
});
export type SofaAttributeOverview = z.infer<typeof SofaAttributeOverview>;

/** `GET player/{id}/attribute-overviews`: the player's radars and his position's averages. */
export const SofaAttributeOverviews = z.looseObject({
  playerAttributeOverviews: z.array(SofaAttributeOverview),
  averageAttributeOverviews: z.array(SofaAttributeOverview),
});
export type SofaAttributeOverviews = z.infer<typeof SofaAttributeOverviews>;

/** `GET event/{id}/statistics`: team statistics per period (ALL, 1ST, 2ND). */
export const SofaEventStatistics = z.looseObject({
  statistics: z.array(
    z.looseObject({
      period: z.string().min(1),
      groups: z.array(
        z.looseObject({
          groupName: z.string(),
          statisticsItems: z.array(
            z.looseObject({
              name: z.string(),
              key: z.string().optional(),
              home: z.string(),
              away: z.string(),
              homeValue: z.number(),
              awayValue: z.number(),
              homeTotal: z.number().optional(),
              awayTotal: z.number().optional(),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type SofaEventStatistics = z.infer<typeof SofaEventStatistics>;
