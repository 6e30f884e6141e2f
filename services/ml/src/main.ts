import { runServices } from "@matchday/shared";
import { mlService } from "./service.js";

// The composition root: `tsx src/main.ts` runs this one service (same as `matchday up ml`).
await runServices([mlService], process.env);
