import { runServices } from "@matchday/shared";
import { syncService } from "./service.js";

// The composition root: `tsx src/main.ts` runs this one service (same as `matchday up sync`).
await runServices([syncService], process.env);
