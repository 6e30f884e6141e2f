import { Writable } from "node:stream";
import { createLogger, type Logger } from "../logging/logger.js";

export function silentLogger(): Logger {
  return createLogger({ service: "test", level: "silent" });
}

/** A logger that keeps every line (parsed) for assertions. */
export function collectLogs(level: "info" | "debug" = "info"): {
  logger: Logger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      for (const l of chunk.toString().split("\n")) if (l.trim()) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { logger: createLogger({ service: "test", level, destination }), lines };
}
