import { BaseConfig } from "@matchday/shared";

/** The predictions service's configuration: the shared variables (its own are added with its tasks). */
export const PredictionsConfig = BaseConfig.extend({});
export type PredictionsConfig = typeof PredictionsConfig;
