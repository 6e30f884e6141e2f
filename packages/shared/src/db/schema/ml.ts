import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * The ml service's tables: one row per fitted model version. Only the ml service writes them; the
 * predictions service reads the active version through `readActiveModel` in this package.
 */
export const ml = pgSchema("ml");

/** The hyper-parameters a version was fitted with (the model package's `ModelSettings`). */
export type StoredModelSettings = {
  /** Training window length in days before the cutoff. */
  windowDays: number;
  /** Exponential time decay per day. */
  xi: number;
  /** Ridge penalty on attack and defence. */
  ridge: number;
  /** Share of shots on target in the Poisson targets (0 = goals only). */
  shotsWeight: number;
};

/** Fitted Dixon–Coles parameters as stored (the model package's `DixonColesParams`). */
export type StoredModelParams = {
  /** Team keys (sync team ids as strings), sorted. */
  teams: string[];
  attack: Record<string, number>;
  defence: Record<string, number>;
  intercept: number;
  homeAdvantage: number;
  rho: number;
};

/**
 * One fitted model per row. The active model of a league is its newest version (highest id) whose
 * cutoff is not after "now": a version never predicts a match using results it could not have seen.
 * `fingerprint` (SHA-256 of the training rows) plus `settings` identify the training input:
 * retraining on the same input records a skip instead of a duplicate version.
 */
export const modelVersions = ml.table(
  "model_versions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    league: text("league").notNull(),
    /** Only matches kicking off strictly before this instant were used (the run's "now"). */
    cutoff: timestamp("cutoff", { withTimezone: true, mode: "date" }).notNull(),
    /** Start of the training window (inclusive): cutoff − windowDays. */
    trainFrom: timestamp("train_from", { withTimezone: true, mode: "date" }).notNull(),
    /** Played matches in the window. */
    trainMatches: integer("train_matches").notNull(),
    settings: jsonb("settings").$type<StoredModelSettings>().notNull(),
    params: jsonb("params").$type<StoredModelParams>().notNull(),
    /** Names of the teams in `params` (team id → display name), for people reading the row. */
    teamNames: jsonb("team_names").$type<Record<string, string>>().notNull().default({}),
    /** Weighted log-likelihood of the training rows at the fitted parameters. */
    logLik: doublePrecision("log_lik").notNull(),
    converged: boolean("converged").notNull(),
    iterations: integer("iterations").notNull(),
    /** max |gradient| of the objective at the optimum. */
    gradientNorm: doublePrecision("gradient_norm").notNull(),
    /** Wall-clock fit time in milliseconds. */
    fitMs: doublePrecision("fit_ms").notNull(),
    /** SHA-256 (hex) of the training rows (`trainingFingerprint`). */
    fingerprint: text("fingerprint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("model_versions_league_id_idx").on(t.league, t.id)],
);

export const mlSchema = { ml, modelVersions };

export type ModelVersionRow = typeof modelVersions.$inferSelect;
export type NewModelVersionRow = typeof modelVersions.$inferInsert;
