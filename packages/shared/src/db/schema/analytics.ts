import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

/** The analytics service's tables (and the `matchday backtest` results). */
export const analytics = pgSchema("analytics");

/** `last_30_days`, `season` (the league's current season) or `all_time`. */
export const metricsWindow = analytics.enum("metrics_window", [
  "last_30_days",
  "season",
  "all_time",
]);
export type MetricsWindow = (typeof metricsWindow.enumValues)[number];

/**
 * One report per (league, model version, window, computed_at): headline figures as columns (for
 * queries and dashboards), the full report (calibration tables, market, gaps, value bets) in
 * `details`. Numbers that do not exist (a mean over no match, an SE over one) are null.
 */
export const modelMetrics = analytics.table(
  "model_metrics",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    league: text("league").notNull(),
    modelVersionId: integer("model_version_id").notNull(),
    window: metricsWindow("window").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Validated matches in the window. */
    n: integer("n").notNull(),
    accuracy: doublePrecision("accuracy"),
    rps: doublePrecision("rps"),
    logLoss: doublePrecision("log_loss"),
    brier: doublePrecision("brier"),
    ece: doublePrecision("ece"),
    /** Matches with market odds (the paired comparison set). */
    marketN: integer("market_n").notNull(),
    marketRps: doublePrecision("market_rps"),
    /** Mean per-match model RPS − market RPS on the paired set (negative favours the model). */
    rpsGap: doublePrecision("rps_gap"),
    rpsGapSe: doublePrecision("rps_gap_se"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    unique("model_metrics_report_uq").on(t.league, t.modelVersionId, t.window, t.computedAt),
    index("model_metrics_league_computed_idx").on(t.league, t.computedAt),
  ],
);

/** One `matchday backtest` run: the table model vs market, per season and pooled. */
export const backtests = analytics.table("backtests", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  league: text("league").notNull(),
  /** Season codes, `1415` … `2324`. */
  fromSeason: text("from_season").notNull(),
  toSeason: text("to_season").notNull(),
  /** `weekly` | `daily`. */
  refit: text("refit").notNull(),
  /** `proportional` | `shin`. */
  marginMethod: text("margin_method").notNull(),
  /** Where the matches came from (`database`, or the directory read). */
  source: text("source").notNull(),
  settings: jsonb("settings").$type<Record<string, number>>().notNull(),
  n: integer("n").notNull(),
  pooled: jsonb("pooled").$type<Record<string, unknown>>().notNull(),
  seasons: jsonb("seasons").$type<Record<string, unknown>[]>().notNull(),
  fits: integer("fits").notNull(),
  durationMs: integer("duration_ms").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
});

export const analyticsSchema = { analytics, metricsWindow, modelMetrics, backtests };

export type ModelMetricsRow = typeof modelMetrics.$inferSelect;
export type BacktestRecordRow = typeof backtests.$inferSelect;
