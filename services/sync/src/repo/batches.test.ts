import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunk, createBatchRunner } from "./batches.js";

describe("batches", () => {
  it("chunk - slices keep order, cover every item once, and none exceeds the size", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 50 }), (items, size) => {
        const slices = chunk(items, size);
        expect(slices.flat()).toEqual(items);
        expect(slices.every((s) => s.length > 0 && s.length <= size)).toBe(true);
        expect(slices.slice(0, -1).every((s) => s.length === size)).toBe(true);
      }),
    );
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });

  it("batch-runner - counts statements, calls the hook after each, and a throwing hook stops the apply", async () => {
    const seen: string[] = [];
    const runner = createBatchRunner({
      onBatchWritten: (b) => {
        seen.push(`${b.index}:${b.table}:${b.rows}`);
        if (b.index === 2) throw new Error("fault");
      },
    });
    expect(await runner.run("matches", 3, async () => "ok")).toBe("ok");
    await expect(runner.run("odds", 7, async () => "ok")).rejects.toThrow("fault");
    expect(seen).toEqual(["1:matches:3", "2:odds:7"]);
    expect(runner.count).toBe(2);
  });

  it("batch-runner - an aborted signal stops before the next statement runs", async () => {
    const abort = new AbortController();
    const runner = createBatchRunner({ signal: abort.signal });
    let ran = 0;
    await runner.run("matches", 1, async () => ran++);
    abort.abort(new Error("time limit"));
    await expect(runner.run("matches", 1, async () => ran++)).rejects.toThrow("time limit");
    expect(ran).toBe(1);
  });
});
