import { BaseConfig } from "@matchday/shared";

/** The etl service's configuration: the shared variables (its own are added with its tasks). */
export const EtlConfig = BaseConfig.extend({});
export type EtlConfig = typeof EtlConfig;
