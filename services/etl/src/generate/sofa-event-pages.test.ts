import { describe, expect, it } from "vitest";
import type { GeneratedSofaEvent } from "./sofa-event.js";
import { sofaEventPages } from "./sofa-event-pages.js";

const event = (id: number, startTimestamp: number, type: string) =>
  ({ id, startTimestamp, status: { code: 0, type } }) as unknown as GeneratedSofaEvent;

describe("sofaEventPages", () => {
  it("sofa-event-pages - splits past and upcoming events into pages that chain with hasNextPage", () => {
    const events = [
      ...Array.from({ length: 7 }, (_, i) => event(100 + i, 1_000 + i, "finished")),
      event(200, 500, "postponed"),
      event(300, 5_000, "notstarted"),
      event(301, 4_000, "notstarted"),
    ];
    const { last, next } = sofaEventPages(events, 3);
    expect(last.map((p) => p.hasNextPage)).toEqual([true, true, false]);
    expect(last.flatMap((p) => p.events.map((e) => e.id))).toEqual([
      106, 105, 104, 103, 102, 101, 100, 200,
    ]);
    expect(next).toEqual([{ events: [events[9], events[8]], hasNextPage: false }]);
  });

  it("sofa-event-pages - a direction without events has no page (SofaScore's 404)", () => {
    expect(sofaEventPages([event(1, 1, "finished")]).next).toEqual([]);
    expect(sofaEventPages([])).toEqual({ last: [], next: [] });
  });
});
