import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countingPrediction } from "./counting-prediction.js";

const at = (iso: string) => new Date(iso);

describe("countingPrediction", () => {
  it("counting-prediction - the last prediction made strictly before kick-off counts; one made at kick-off never does", () => {
    const kickoff = at("2024-04-06T14:00:00Z");
    const early = { id: 1, madeAt: at("2024-04-05T00:00:00Z") };
    const late = { id: 2, madeAt: at("2024-04-06T12:00:00Z") };
    const atKickoff = { id: 3, madeAt: kickoff };
    expect(countingPrediction([late, atKickoff, early], kickoff)).toBe(late);
    expect(countingPrediction([atKickoff], kickoff)).toBeUndefined();
    expect(countingPrediction([], kickoff)).toBeUndefined();
  });

  it("counting-prediction - equal times: the higher id (the newer model) counts", () => {
    const madeAt = at("2024-04-05T00:00:00Z");
    expect(
      countingPrediction(
        [
          { id: 9, madeAt },
          { id: 4, madeAt },
        ],
        at("2024-04-06T00:00:00Z"),
      )!.id,
    ).toBe(9);
  });

  it("counting-prediction - property: the choice is before kick-off, no later candidate is, and input order does not matter", () => {
    const stamp = fc.record({
      id: fc.integer({ min: 1, max: 1_000 }),
      madeAt: fc.integer({ min: 0, max: 100 }).map((h) => new Date(h * 3_600_000)),
    });
    fc.assert(
      fc.property(
        fc.array(stamp, { maxLength: 12 }),
        fc.integer({ min: 0, max: 100 }),
        (stamps, k) => {
          const kickoff = new Date(k * 3_600_000);
          const chosen = countingPrediction(stamps, kickoff);
          const before = stamps.filter((s) => s.madeAt < kickoff);
          if (before.length === 0) return chosen === undefined;
          const latest = Math.max(...before.map((s) => s.madeAt.getTime()));
          const maxId = Math.max(
            ...before.filter((s) => s.madeAt.getTime() === latest).map((s) => s.id),
          );
          const reversed = countingPrediction([...stamps].reverse(), kickoff);
          return (
            chosen !== undefined &&
            chosen.madeAt.getTime() === latest &&
            chosen.id === maxId &&
            reversed?.id === chosen.id
          );
        },
      ),
    );
  });
});
