import { loadConfig, runServices } from "@matchday/shared";
import { EtlConfig } from "./config.js";
import { etlService } from "./service.js";

// The composition root: `tsx src/main.ts` runs this one service (same as `matchday up etl`).
// The config is checked first, so contradictory settings stop the process (one line each, exit 1)
// before anything connects.
loadConfig(EtlConfig, process.env);
await runServices([etlService], process.env);
