import { runServices } from "@matchday/shared";
import { analyticsService } from "./service.js";

// The composition root: `tsx src/main.ts` runs this one service (same as `matchday up analytics`).
await runServices([analyticsService], process.env);
