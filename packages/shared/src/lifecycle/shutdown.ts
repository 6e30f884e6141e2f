import type { Logger } from "../logging/logger.js";

export interface Shutdown {
  /** Registers a cleanup; they run in reverse order of registration, each even if another throws. */
  onShutdown(name: string, fn: () => Promise<void> | void): void;
  /** Runs every cleanup once (memoized). */
  run(reason: string): Promise<void>;
  /**
   * SIGTERM/SIGINT run the cleanups then exit 0; a second signal exits 1 at once. Unhandled
   * rejections and uncaught exceptions are logged and exit 1.
   */
  installSignalHandlers(): void;
}

export function createShutdown(logger: Logger): Shutdown {
  const hooks: { name: string; fn: () => Promise<void> | void }[] = [];
  let running: Promise<void> | undefined;
  const self: Shutdown = {
    onShutdown(name, fn) {
      hooks.push({ name, fn });
    },
    run(reason) {
      running ??= (async () => {
        logger.info({ reason }, "shutting down");
        for (const h of [...hooks].reverse()) {
          try {
            await h.fn();
          } catch (err) {
            logger.error({ err, hook: h.name }, "shutdown step failed");
          }
        }
        logger.info("shutdown complete");
      })();
      return running;
    },
    installSignalHandlers() {
      let signals = 0;
      const onSignal = (sig: NodeJS.Signals) => {
        signals++;
        if (signals > 1) {
          logger.warn({ signal: sig }, "second signal: exiting now");
          process.exit(1);
        }
        void self.run(sig).then(() => process.exit(0));
      };
      process.on("SIGTERM", onSignal);
      process.on("SIGINT", onSignal);
      process.on("unhandledRejection", (err) => {
        logger.fatal({ err }, "unhandled rejection");
        process.exit(1);
      });
      process.on("uncaughtException", (err) => {
        logger.fatal({ err }, "uncaught exception");
        process.exit(1);
      });
    },
  };
  return self;
}
