export { syncService } from "./service.js";
export { SyncConfig, SyncOwnConfig, SYNC_CONFIG_KEYS } from "./config.js";
