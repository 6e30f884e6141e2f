import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore.js";

describe("semaphore", () => {
  it("semaphore - reserved and used slots are not free; waitFree wakes when a pull ends or a run is released", async () => {
    const s = new Semaphore(3);
    s.reserve(3);
    expect(s.free).toBe(0);
    s.useReserved();
    s.useReserved();
    expect(s.free).toBe(0);
    let woke = 0;
    const waiting = s.waitFree().then(() => woke++);
    await Promise.resolve();
    expect(woke).toBe(0);
    s.unreserve(1); // the pull ended with one message short
    await waiting;
    expect([woke, s.free]).toEqual([1, 1]);
    s.reserve(1);
    const again = s.waitFree().then(() => woke++);
    s.release();
    await again;
    expect([woke, s.free]).toEqual([2, 1]);
    let idle = false;
    const done = s.idle().then(() => (idle = true));
    s.useReserved();
    s.release();
    await Promise.resolve();
    expect(idle).toBe(false); // one run is still in use
    s.release();
    await done;
    expect([idle, s.free]).toEqual([true, 3]);
  });
});
