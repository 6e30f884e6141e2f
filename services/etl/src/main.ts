import { runServices } from "@matchday/shared";
import { etlService } from "./service.js";

// The composition root: `tsx src/main.ts` runs this one service (same as `matchday up etl`).
await runServices([etlService], process.env);
