import { runServices } from "@matchday/shared";
import { predictionsService } from "./service.js";

// The composition root: `tsx src/main.ts` runs this one service (same as `matchday up predictions`).
await runServices([predictionsService], process.env);
