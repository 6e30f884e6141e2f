import {
  boolean,
  char,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

/**
 * The predictions service's tables. Only the predictions service writes them; analytics reads them
 * through functions in this package.
 */
export const predictionsPgSchema = pgSchema("predictions");

/**
 * The 1X2 prices available when a prediction was made (non-closing odds read from `sync.odds` at
 * `made_at`): the only odds the value-bet strategy may use, so it never bets at a price published
 * after the prediction.
 */
export type OddsAtPrediction = {
  bookmaker: string;
  home: number;
  draw: number;
  away: number;
};

/**
 * One prediction per (model version, match): every market read off one scoreline matrix. Never
 * written at or after the match's kick-off; re-running a task with the same model changes nothing.
 */
export const predictions = predictionsPgSchema.table(
  "predictions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** `ml.model_versions.id` (another service's table: no foreign key across owners). */
    modelVersionId: integer("model_version_id").notNull(),
    /** `sync.matches.id`. */
    matchId: integer("match_id").notNull(),
    league: text("league").notNull(),
    season: char("season", { length: 4 }).notNull(),
    /** The kick-off the match had when the prediction was made (always after `madeAt`). */
    kickoff: timestamp("kickoff", { withTimezone: true, mode: "date" }).notNull(),
    /** The service clock's "now" of the run that wrote it. */
    madeAt: timestamp("made_at", { withTimezone: true, mode: "date" }).notNull(),
    pHome: doublePrecision("p_home").notNull(),
    pDraw: doublePrecision("p_draw").notNull(),
    pAway: doublePrecision("p_away").notNull(),
    /** The model's Poisson rates (expected goals). */
    xgHome: doublePrecision("xg_home").notNull(),
    xgAway: doublePrecision("xg_away").notNull(),
    likelyHomeGoals: smallint("likely_home_goals").notNull(),
    likelyAwayGoals: smallint("likely_away_goals").notNull(),
    likelyScoreProbability: doublePrecision("likely_score_probability").notNull(),
    over25: doublePrecision("over25").notNull(),
    under25: doublePrecision("under25").notNull(),
    bttsYes: doublePrecision("btts_yes").notNull(),
    bttsNo: doublePrecision("btts_no").notNull(),
    oddsAtPrediction: jsonb("odds_at_prediction").$type<OddsAtPrediction>(),
  },
  (t) => [
    unique("predictions_model_match_uq").on(t.modelVersionId, t.matchId),
    index("predictions_match_made_idx").on(t.matchId, t.madeAt),
  ],
);

/**
 * The score of the prediction that counts for a match (the last one made before kick-off), one row
 * per match, rewritten only when the result or the counting prediction changes.
 */
export const validations = predictionsPgSchema.table(
  "validations",
  {
    matchId: integer("match_id").primaryKey(),
    predictionId: integer("prediction_id")
      .notNull()
      .references(() => predictions.id, { onDelete: "cascade" }),
    homeGoals: smallint("home_goals").notNull(),
    awayGoals: smallint("away_goals").notNull(),
    /** `home` | `draw` | `away`. */
    outcome: text("outcome").notNull(),
    /** The most probable outcome happened. */
    hit: boolean("hit").notNull(),
    rps: doublePrecision("rps").notNull(),
    logLoss: doublePrecision("log_loss").notNull(),
    brier: doublePrecision("brier").notNull(),
    validatedAt: timestamp("validated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("validations_prediction_idx").on(t.predictionId)],
);

export const predictionsSchema = { predictionsPgSchema, predictions, validations };

export type PredictionRow = typeof predictions.$inferSelect;
export type NewPredictionRow = typeof predictions.$inferInsert;
export type ValidationRow = typeof validations.$inferSelect;
