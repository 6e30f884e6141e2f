import * as z from "zod";
import { BaseConfig, blankAsUnset, configKeys } from "@matchday/shared";
import { MarginMethod } from "@matchday/model";

/** The analytics service's own variables. */
export const AnalyticsOwnConfig = z.object({
  /**
   * How the bookmaker margin is taken out of the market benchmark: `proportional` (the default,
   * what the issue specifies) or `shin` (Shin 1993, which takes more off long shots).
   */
  METRICS_MARGIN_METHOD: blankAsUnset(
    z.enum([MarginMethod.Proportional, MarginMethod.Shin]).default(MarginMethod.Proportional),
  ),
  /**
   * The value strategy bets when model probability × odds > 1 + this (0.05: a 5 % edge at the
   * price paid, enough to clear most of the noise in the model's probabilities).
   */
  VALUE_BET_THRESHOLD: blankAsUnset(z.coerce.number().min(0).max(1).default(0.05)),
});

/** The analytics service's configuration: the shared variables plus `AnalyticsOwnConfig`. */
export const AnalyticsConfig = BaseConfig.extend(AnalyticsOwnConfig.shape);
export type AnalyticsConfig = z.infer<typeof AnalyticsConfig>;

/** The variable names only the analytics service reads (for the docker-compose consistency test). */
export const ANALYTICS_CONFIG_KEYS: readonly string[] = Object.freeze(
  configKeys(AnalyticsOwnConfig),
);
