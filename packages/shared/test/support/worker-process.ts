import { runServices } from "@matchday/shared";
import { testService } from "./test-service.js";

// A real service process around the test task: config, NATS, PostgreSQL, worker, discovery and the
// signal handling are exactly what `matchday up` runs.
await runServices([testService], process.env);
