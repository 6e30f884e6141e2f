import * as z from "zod";
import { BaseConfig, blankAsUnset, configKeys } from "@matchday/shared";
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from "@matchday/model";

/**
 * The ml service's own variables. Defaults are the model package's tuned `DEFAULT_MODEL_SETTINGS`
 * (chosen on 2010/11–2013/14 only), so an unset variable means "the validated model".
 */
export const MlOwnConfig = z.object({
  /** Training window in days before the cutoff (1095 ≈ three seasons). */
  MODEL_WINDOW_DAYS: blankAsUnset(
    z.coerce.number().int().min(30).max(3_650).default(DEFAULT_MODEL_SETTINGS.windowDays),
  ),
  /** Time decay per day: a match d days old weighs exp(−ξ·d) (0.003 ≈ 230-day half-life). */
  MODEL_XI: blankAsUnset(z.coerce.number().min(0).max(0.1).default(DEFAULT_MODEL_SETTINGS.xi)),
  /** Ridge penalty on attack and defence (shrinks teams with little data toward average). */
  MODEL_RIDGE: blankAsUnset(
    z.coerce.number().min(0).max(1_000).default(DEFAULT_MODEL_SETTINGS.ridge),
  ),
});

/** The ml service's configuration: the shared variables plus `MlOwnConfig`. */
export const MlConfig = BaseConfig.extend(MlOwnConfig.shape);
export type MlConfig = z.infer<typeof MlConfig>;

/** The variable names only the ml service reads (for the docker-compose consistency test). */
export const ML_CONFIG_KEYS: readonly string[] = Object.freeze(configKeys(MlOwnConfig));

/** The fit settings a configuration asks for (shots weight stays the validated default). */
export function modelSettingsFrom(config: z.infer<typeof MlOwnConfig>): ModelSettings {
  return {
    windowDays: config.MODEL_WINDOW_DAYS,
    xi: config.MODEL_XI,
    ridge: config.MODEL_RIDGE,
    shotsWeight: DEFAULT_MODEL_SETTINGS.shotsWeight,
  };
}
