/**
 * Every service takes "now" from one clock. Production uses the system clock; tests, offline demos
 * and replays of past seasons use a clock that starts at `MATCHDAY_NOW` (running or frozen) or one a
 * test drives by hand.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at `at`. */
export function fixedClock(at: Date): Clock {
  const ms = at.getTime();
  return { now: () => new Date(ms) };
}

/** A clock that starts at `start` and then advances with real time (a replay of the past). */
export function offsetClock(start: Date, real: () => number = Date.now): Clock {
  const offset = start.getTime() - real();
  return { now: () => new Date(real() + offset) };
}

/** A clock a test moves by hand. */
export interface ManualClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
}

export function manualClock(start: Date): ManualClock {
  let ms = start.getTime();
  return {
    now: () => new Date(ms),
    set: (at) => {
      ms = at.getTime();
    },
    advance: (delta) => {
      ms += delta;
    },
  };
}

/** The clock the configuration asks for: `MATCHDAY_NOW` unset → the system clock. */
export function clockFromConfig(cfg: {
  MATCHDAY_NOW?: Date | undefined;
  MATCHDAY_CLOCK?: "running" | "frozen";
}): Clock {
  if (!cfg.MATCHDAY_NOW) return systemClock;
  return cfg.MATCHDAY_CLOCK === "frozen"
    ? fixedClock(cfg.MATCHDAY_NOW)
    : offsetClock(cfg.MATCHDAY_NOW);
}
