import { runServiceMain } from "@matchday/shared";
import { schedulerService } from "./service.js";

// The composition root: `tsx src/main.ts` runs this one service (same as `matchday up scheduler`).
// A bad configuration stops it with one line per problem, exit 1, before anything connects.
await runServiceMain([schedulerService], process.env);
