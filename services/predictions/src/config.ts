import * as z from "zod";
import { BaseConfig, configKeys } from "@matchday/shared";

/**
 * The predictions service's own variables: none yet. The model comes from the ml service's stored
 * versions and the window from the task payload (`days`), so there is nothing to configure here.
 */
export const PredictionsOwnConfig = z.object({});

/** The predictions service's configuration: the shared variables. */
export const PredictionsConfig = BaseConfig.extend(PredictionsOwnConfig.shape);
export type PredictionsConfig = z.infer<typeof PredictionsConfig>;

/** The variable names only the predictions service reads (none). */
export const PREDICTIONS_CONFIG_KEYS: readonly string[] = Object.freeze(
  configKeys(PredictionsOwnConfig),
);
