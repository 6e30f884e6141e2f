import { loadConfig, runServices } from "@matchday/shared";
import { SyncConfig } from "./config.js";
import { syncService } from "./service.js";

// The composition root: `tsx src/main.ts` runs this one service (same as `matchday up sync`).
// The config is checked here first so that a bad variable (or FOOTBALL_DATA_URL together with
// FOOTBALL_DATA_DIR) stops the process with one line per problem before anything connects.
loadConfig(SyncConfig, process.env);
await runServices([syncService], process.env);
