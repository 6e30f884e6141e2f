import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL_SETTINGS, type MatchRecord } from "@matchday/model";
import { sameSettings, trainingInput } from "./training-input.js";

const DAY = 86_400_000;
const cutoff = new Date("2024-04-05T00:00:00Z");
const match = (id: string, daysBefore: number, homeGoals?: number): MatchRecord => ({
  id,
  date: new Date(cutoff.getTime() - daysBefore * DAY),
  home: `H${id}`,
  away: `A${id}`,
  ...(homeGoals === undefined ? {} : { homeGoals, awayGoals: 1 }),
});

describe("trainingInput", () => {
  it("training-input - keeps played matches in [cutoff − window, cutoff), and the fingerprint ignores order", () => {
    const rows = [
      match("a", 1, 2),
      match("b", 1095, 0),
      match("c", 1096, 1),
      match("d", 0, 3),
      match("e", 3),
      match("f", -1, 1),
    ];
    const input = trainingInput(rows, cutoff, DEFAULT_MODEL_SETTINGS);
    expect(input.from).toEqual(new Date("2021-04-06T00:00:00Z")); // 1,095 days before the cutoff
    // c is before the window, d kicks off at the cutoff, e has no result, f is after the cutoff
    expect(input.rows.map((r) => r.id)).toEqual(["b", "a"]);
    expect(trainingInput([...rows].reverse(), cutoff, DEFAULT_MODEL_SETTINGS).fingerprint).toBe(
      input.fingerprint,
    );
  });

  it("training-input - a changed result or a new match changes the fingerprint", () => {
    const base = trainingInput(
      [match("a", 1, 2), match("b", 8, 0)],
      cutoff,
      DEFAULT_MODEL_SETTINGS,
    ).fingerprint;
    expect(
      trainingInput([match("a", 1, 3), match("b", 8, 0)], cutoff, DEFAULT_MODEL_SETTINGS)
        .fingerprint,
    ).not.toBe(base);
    expect(
      trainingInput(
        [match("a", 1, 2), match("b", 8, 0), match("c", 2, 1)],
        cutoff,
        DEFAULT_MODEL_SETTINGS,
      ).fingerprint,
    ).not.toBe(base);
  });

  it("training-input - settings compare field by field", () => {
    expect(sameSettings(DEFAULT_MODEL_SETTINGS, { ...DEFAULT_MODEL_SETTINGS })).toBe(true);
    expect(sameSettings(DEFAULT_MODEL_SETTINGS, { ...DEFAULT_MODEL_SETTINGS, xi: 0.002 })).toBe(
      false,
    );
  });
});
