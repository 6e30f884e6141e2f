export { syncService } from "./service.js";
export { SyncConfig, SyncOwnConfig, SYNC_CONFIG_KEYS } from "./config.js";
export {
  finishedMatches,
  upcomingFixtures,
  closingOdds,
  type MatchRecord,
  type ClosingPrices,
} from "./repo/reads.js";
