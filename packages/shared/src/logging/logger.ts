import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger };

/**
 * The JSON logger every process uses. Credentials never reach a log line (`redact`). Each run gets a
 * child logger carrying its run id, task and trigger.
 */
export function createLogger(opts: {
  service: string;
  level?: LevelWithSilent;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      name: opts.service,
      level: opts.level ?? "info",
      base: { pid: process.pid },
      redact: {
        paths: [
          "*.password",
          "*.pass",
          "*.token",
          "*.apiKey",
          "*.headers.authorization",
          '*.headers["x-rapidapi-key"]',
          "config.NATS_PASSWORD",
          "config.NATS_TOKEN",
          "config.DATABASE_URL",
        ],
        censor: "[redacted]",
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}
