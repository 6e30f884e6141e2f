import { BaseConfig } from "@matchday/shared";

/** The sync service's configuration: the shared variables (its own are added with its tasks). */
export const SyncConfig = BaseConfig.extend({});
export type SyncConfig = typeof SyncConfig;
