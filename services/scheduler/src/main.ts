import { runServices } from "@matchday/shared";
import { schedulerService } from "./service.js";

// The composition root: `tsx src/main.ts` runs the scheduler (same as `matchday up scheduler`).
await runServices([schedulerService], process.env);
