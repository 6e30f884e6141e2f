import { readFileSync } from "node:fs";
import { catalog, taskByName } from "@matchday/shared";
import { resolveSchedules, type ResolvedSchedule, type ScheduleEntry } from "./domain/index.js";
import { ScheduleConfigError } from "./domain/index.js";

/** The catalog's default schedules, as schedule entries. */
export function defaultScheduleEntries(): ScheduleEntry[] {
  return catalog.flatMap((def) =>
    def.schedules.map((s) => ({
      id: s.id,
      task: def.name,
      cron: s.cron,
      timezone: s.timezone,
      ...(s.misfire ? { misfire: s.misfire } : {}),
      ...(s.overlap ? { overlap: s.overlap } : {}),
    })),
  );
}

/**
 * The effective schedules: the catalog's defaults patched by the `MATCHDAY_SCHEDULES` file. A bad
 * file or entry throws a ScheduleConfigError naming every bad entry (the scheduler then stops at
 * start).
 */
export function loadSchedules(overridesFile: string | undefined): ResolvedSchedule[] {
  let overrides: unknown;
  if (overridesFile) {
    let text: string;
    try {
      text = readFileSync(overridesFile, "utf8");
    } catch (err) {
      throw new ScheduleConfigError([
        {
          id: "MATCHDAY_SCHEDULES",
          message: `cannot read ${overridesFile}: ${(err as Error).message}`,
        },
      ]);
    }
    try {
      overrides = JSON.parse(text);
    } catch (err) {
      throw new ScheduleConfigError([
        {
          id: "MATCHDAY_SCHEDULES",
          message: `${overridesFile} is not valid JSON: ${(err as Error).message}`,
        },
      ]);
    }
  }
  return resolveSchedules(defaultScheduleEntries(), overrides, (name) => {
    const def = taskByName(name);
    return def ? { payload: def.payload, overlap: def.scheduleOverlap } : undefined;
  });
}
