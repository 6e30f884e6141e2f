import { describe, expect, it } from "vitest";
import { parseConfig } from "@matchday/shared";
import { SchedulerConfig } from "./config.js";

describe("scheduler config", () => {
  it("config - a blank SCHEDULER_CATCHUP_CAP (compose's VAR=) takes the default; a bad one is refused", () => {
    expect(parseConfig(SchedulerConfig, { SCHEDULER_CATCHUP_CAP: "" }).SCHEDULER_CATCHUP_CAP).toBe(
      24,
    );
    expect(parseConfig(SchedulerConfig, { SCHEDULER_CATCHUP_CAP: "3" }).SCHEDULER_CATCHUP_CAP).toBe(
      3,
    );
    expect(() => parseConfig(SchedulerConfig, { SCHEDULER_CATCHUP_CAP: "0" })).toThrow(
      /SCHEDULER_CATCHUP_CAP/,
    );
  });
});
