import { describe, expect, it } from "vitest";
import * as z from "zod";

import { ScheduleConfigError } from "./errors.js";
import { resolveSchedules } from "./schedules.js";
import type { ScheduleEntry, TaskLookupResult } from "./schedules.js";

const TASKS: Record<string, TaskLookupResult> = {
  sync_all_leagues: { payload: z.object({}).strict() },
  generate_predictions: {
    payload: z.object({ days: z.int().min(1).max(60).default(14) }).strict(),
  },
  retrain_model: { payload: z.object({}).strict(), overlap: "skip" },
  update_lineups: { payload: z.object({}).strict() },
};
const lookup = (name: string) => TASKS[name];

const DEFAULTS: ScheduleEntry[] = [
  { id: "sync_all_leagues", task: "sync_all_leagues", cron: "0 4 * * *", timezone: "UTC" },
  {
    id: "generate_predictions",
    task: "generate_predictions",
    cron: "0 */6 * * *",
    timezone: "UTC",
  },
  { id: "retrain_model", task: "retrain_model", cron: "0 5 * * *", timezone: "UTC" },
  { id: "update_lineups", task: "update_lineups", cron: "0 3 * * 2", timezone: "Europe/London" },
];

function configError(fn: () => unknown): ScheduleConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScheduleConfigError) return err;
    throw err;
  }
  throw new Error("expected a ScheduleConfigError");
}

describe("schedules - resolveSchedules", () => {
  it("schedules - defaults alone resolve with default misfire, overlap and payload", () => {
    const s = resolveSchedules(DEFAULTS, undefined, lookup);
    expect(s.map((x) => x.id)).toEqual(DEFAULTS.map((d) => d.id));
    const byId = Object.fromEntries(s.map((x) => [x.id, x]));
    expect(byId.sync_all_leagues).toMatchObject({
      enabled: true,
      misfire: { policy: "once", cap: 24 },
      overlap: "allow",
      payload: {},
      origin: "default",
    });
    expect(byId.generate_predictions!.payload).toEqual({ days: 14 });
    expect(byId.retrain_model!.overlap).toBe("skip");
    expect(byId.update_lineups!.compiled.dstRule).toBe("fixed-hours");
  });

  it("schedules - overrides patch a cron or zone, disable an entry and add one", () => {
    const s = resolveSchedules(
      DEFAULTS,
      [
        { id: "sync_all_leagues", cron: "30 4 * * *", timezone: "Europe/London" },
        { id: "retrain_model", enabled: false },
        { id: "generate_predictions", payload: { days: 7 }, misfire: { policy: "all", cap: 4 } },
        {
          id: "extra_sync",
          task: "sync_all_leagues",
          cron: "0 16 * * *",
          timezone: "UTC",
          overlap: "skip",
        },
      ],
      lookup,
    );
    const byId = Object.fromEntries(s.map((x) => [x.id, x]));
    expect(byId.sync_all_leagues).toMatchObject({
      cron: "30 4 * * *",
      timezone: "Europe/London",
      origin: "default+override",
    });
    expect(byId.retrain_model!.enabled).toBe(false);
    expect(byId.generate_predictions).toMatchObject({
      payload: { days: 7 },
      misfire: { policy: "all", cap: 4 },
    });
    expect(byId.extra_sync).toMatchObject({ origin: "override", overlap: "skip", enabled: true });
    expect(s).toHaveLength(5);
  });

  it("schedules - one error lists every bad entry by id", () => {
    const err = configError(() =>
      resolveSchedules(
        DEFAULTS,
        [
          { id: "sync_all_leagues", timezone: "Mars/Base" },
          { id: "generate_predictions", cron: "0 */6 * *" },
          { id: "mystery", task: "no_such_task", cron: "0 1 * * *", timezone: "UTC" },
          { id: "retrain_model", payload: { epochs: 3 } },
          { id: "update_lineups", payload: {} },
          { id: "half_new", task: "sync_all_leagues" },
          {
            id: "typo",
            task: "sync_all_leagues",
            cron: "0 1 * * *",
            timezone: "UTC",
            enabeld: true,
          },
          {
            id: "predictions_bad_days",
            task: "generate_predictions",
            cron: "0 1 * * *",
            timezone: "UTC",
            payload: { days: 0 },
          },
          { cron: "0 1 * * *" },
        ],
        lookup,
      ),
    );
    const byId = Object.fromEntries(err.issues.map((i) => [i.id, i.message]));
    expect(Object.keys(byId).sort()).toEqual(
      [
        "sync_all_leagues",
        "generate_predictions",
        "mystery",
        "retrain_model",
        "half_new",
        "typo",
        "predictions_bad_days",
        "override #8",
      ].sort(),
    );
    expect(byId.sync_all_leagues).toMatch(/unknown time zone "Mars\/Base"/);
    expect(byId.generate_predictions).toMatch(/invalid cron "0 \*\/6 \* \*"/);
    expect(byId.mystery).toMatch(/unknown task "no_such_task"/);
    expect(byId.retrain_model).toMatch(/payload refused by task "retrain_model": .*epochs/);
    expect(byId.half_new).toMatch(/needs cron, timezone/);
    expect(byId.typo).toMatch(/enabeld/);
    expect(byId.predictions_bad_days).toMatch(/payload refused .*days/);
    expect(byId["override #8"]).toMatch(/id/);
    expect(err.message).toContain("8 problems");
    expect(err.message).toContain("  - mystery: unknown task");
  });

  it("schedules - duplicate ids and a non-array file are refused", () => {
    expect(configError(() => resolveSchedules(DEFAULTS, { schedules: [] }, lookup)).issues).toEqual(
      [{ id: "MATCHDAY_SCHEDULES", message: "expected a JSON array of schedule entries" }],
    );
    const dup = configError(() =>
      resolveSchedules(
        DEFAULTS,
        [
          { id: "x", task: "sync_all_leagues", cron: "0 1 * * *", timezone: "UTC" },
          { id: "x", enabled: false },
        ],
        lookup,
      ),
    );
    expect(dup.issues).toEqual([{ id: "x", message: "duplicate id in the overrides" }]);
  });

  it("schedules - a disabled entry is still validated", () => {
    const err = configError(() =>
      resolveSchedules(
        DEFAULTS,
        [{ id: "retrain_model", enabled: false, cron: "99 * * * *" }],
        lookup,
      ),
    );
    expect(err.issues.map((i) => i.id)).toEqual(["retrain_model"]);
  });
});
