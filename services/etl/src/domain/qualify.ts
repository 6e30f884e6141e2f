/**
 * Which lineup appearances get their heatmap collected (`collect_heatmaps`).
 *
 * The default is the old system's rule: collect when ANY of
 * - 60+ minutes played (`minutesPlayed ≥ 60`),
 * - a SofaScore match rating ≥ 7.0,
 * - at least one goal or assist (`goals + goalAssist ≥ 1`),
 * - 30+ FPL points in the season so far (the player's FPL `total_points`),
 * - a starter (`substitute: false`).
 * Each criterion can be switched off (`null`) or re-thresholded. The alternative rule
 * `everyone-who-played` collects every appearance with minutes > 0. The answer lists the reasons
 * that held, so they can be stored and logged.
 */
import * as z from "zod";

/** Why an appearance qualified. */
export const QualifyReason = {
  Minutes: "minutes",
  Rating: "rating",
  GoalInvolvement: "goal_involvement",
  FplSeasonPoints: "fpl_season_points",
  Started: "started",
  Played: "played",
} as const;
export type QualifyReason = (typeof QualifyReason)[keyof typeof QualifyReason];

/** The rule; parse config or task payloads with it (defaults = the old system's rule). */
export const QualifyRule = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("any-of"),
    /** Minutes played, at least (null: ignore minutes). */
    minMinutes: z.number().int().positive().nullable().default(60),
    /** SofaScore match rating, at least. */
    minRating: z.number().nullable().default(7.0),
    /** Goals + assists in the match, at least. */
    minGoalInvolvements: z.number().int().positive().nullable().default(1),
    /** FPL season points, at least. */
    minFplSeasonPoints: z.number().int().nullable().default(30),
    /** Whether starting the match qualifies on its own. */
    starters: z.boolean().default(true),
  }),
  z.object({ mode: z.literal("everyone-who-played") }),
]);
export type QualifyRule = z.infer<typeof QualifyRule>;

/** The old system's rule. */
export const DEFAULT_QUALIFY_RULE: QualifyRule = QualifyRule.parse({ mode: "any-of" });

/** What the rule looks at: a SofaScore lineup entry (structurally) plus the FPL season points. */
export interface LineupAppearance {
  substitute: boolean;
  /** SofaScore per-match statistics; `{}` for an unused substitute. */
  statistics: {
    minutesPlayed?: number | undefined;
    rating?: number | undefined;
    goals?: number | undefined;
    goalAssist?: number | undefined;
  };
}

/** The decision and the reasons that held (empty when it does not qualify). */
export interface QualifyDecision {
  qualifies: boolean;
  reasons: QualifyReason[];
}

/**
 * Applies `rule` to one appearance. `fplSeasonPoints` is the player's FPL season total, or
 * undefined when the player is not mapped to FPL (then that criterion cannot hold).
 *
 * A player with no minutes never qualifies, even when listed as a starter: SofaScore has no
 * heatmap for someone who did not play.
 */
export function qualifyForHeatmap(
  appearance: LineupAppearance,
  fplSeasonPoints: number | undefined,
  rule: QualifyRule = DEFAULT_QUALIFY_RULE,
): QualifyDecision {
  const s = appearance.statistics;
  const minutes = s.minutesPlayed ?? 0;
  if (minutes <= 0) return { qualifies: false, reasons: [] };
  if (rule.mode === "everyone-who-played")
    return { qualifies: true, reasons: [QualifyReason.Played] };

  const reasons: QualifyReason[] = [];
  if (rule.minMinutes !== null && minutes >= rule.minMinutes) reasons.push(QualifyReason.Minutes);
  if (rule.minRating !== null && s.rating !== undefined && s.rating >= rule.minRating)
    reasons.push(QualifyReason.Rating);
  if (
    rule.minGoalInvolvements !== null &&
    (s.goals ?? 0) + (s.goalAssist ?? 0) >= rule.minGoalInvolvements
  ) {
    reasons.push(QualifyReason.GoalInvolvement);
  }
  if (
    rule.minFplSeasonPoints !== null &&
    fplSeasonPoints !== undefined &&
    fplSeasonPoints >= rule.minFplSeasonPoints
  ) {
    reasons.push(QualifyReason.FplSeasonPoints);
  }
  if (rule.starters && !appearance.substitute) reasons.push(QualifyReason.Started);
  return { qualifies: reasons.length > 0, reasons };
}
