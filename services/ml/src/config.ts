import { BaseConfig } from "@matchday/shared";

/** The ml service's configuration: the shared variables (its own are added with its tasks). */
export const MlConfig = BaseConfig.extend({});
export type MlConfig = typeof MlConfig;
