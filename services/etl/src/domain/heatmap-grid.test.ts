import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  aggregateHeatmapGrids,
  heatmapGrid,
  HEATMAP_GRID_SIZE,
  type HeatmapPoint,
} from "./heatmap-grid.js";

const point = fc.record({
  x: fc.integer({ min: 0, max: 100 }),
  y: fc.integer({ min: 0, max: 100 }),
});
const points = fc.array(point, { minLength: 1, maxLength: 200 });
const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);

describe("heatmapGrid", () => {
  it("puts points in 10 × 10 row-major cells with 100 in the last cell", () => {
    const grid = heatmapGrid([
      { x: 0, y: 0 },
      { x: 9, y: 9 },
      { x: 10, y: 0 },
      { x: 100, y: 100 },
    ]);
    expect(grid?.size).toBe(10);
    expect(grid?.pointCount).toBe(4);
    expect(grid?.cells[0]).toBe(0.5); // (0,0) and (9,9)
    expect(grid?.cells[1]).toBe(0.25); // x 10 → column 1, row 0
    expect(grid?.cells[99]).toBe(0.25); // (100,100) → row 9, column 9
    expect(sum(grid?.cells ?? [])).toBe(1);
  });

  it("uses y for rows and x for columns", () => {
    const grid = heatmapGrid([{ x: 5, y: 95 }]);
    expect(grid?.cells[9 * HEATMAP_GRID_SIZE + 0]).toBe(1);
  });

  it("returns null for no points, and drops non-finite ones while clamping the rest", () => {
    expect(heatmapGrid([])).toBeNull();
    expect(heatmapGrid([{ x: Number.NaN, y: 3 }])).toBeNull();
    const grid = heatmapGrid([
      { x: -5, y: 120 },
      { x: Number.POSITIVE_INFINITY, y: 1 },
    ]);
    expect(grid?.pointCount).toBe(1);
    expect(grid?.cells[9 * HEATMAP_GRID_SIZE + 0]).toBe(1);
  });

  it("has non-negative shares summing to 1", () => {
    fc.assert(
      fc.property(points, (pts) => {
        const grid = heatmapGrid(pts);
        expect(grid?.cells).toHaveLength(100);
        expect(grid?.cells.every((c) => c >= 0)).toBe(true);
        expect(sum(grid?.cells ?? [])).toBeCloseTo(1, 10);
        expect(grid?.pointCount).toBe(pts.length);
      }),
    );
  });
});

describe("aggregateHeatmapGrids", () => {
  it("weights by points: equals the grid of all points pooled", () => {
    fc.assert(
      fc.property(fc.array(points, { minLength: 1, maxLength: 6 }), (matches: HeatmapPoint[][]) => {
        const aggregated = aggregateHeatmapGrids(matches.map(heatmapGrid));
        const pooled = heatmapGrid(matches.flat());
        expect(aggregated?.pointCount).toBe(pooled?.pointCount);
        aggregated?.cells.forEach((c, i) => expect(c).toBeCloseTo(pooled?.cells[i] as number, 10));
      }),
    );
  });

  it("weighs a long match more than a cameo (hand example)", () => {
    const long = heatmapGrid(Array.from({ length: 90 }, () => ({ x: 5, y: 5 })));
    const cameo = heatmapGrid(Array.from({ length: 10 }, () => ({ x: 95, y: 5 })));
    const season = aggregateHeatmapGrids([long, cameo, null]);
    expect(season?.pointCount).toBe(100);
    expect(season?.cells[0]).toBeCloseTo(0.9, 12);
    expect(season?.cells[9]).toBeCloseTo(0.1, 12);
  });

  it("returns null when there is nothing to aggregate and refuses mixed sizes", () => {
    expect(aggregateHeatmapGrids([])).toBeNull();
    expect(aggregateHeatmapGrids([null, null])).toBeNull();
    expect(() =>
      aggregateHeatmapGrids([{ size: 5, cells: new Array(25).fill(0.04), pointCount: 25 }]),
    ).toThrow(/size 5/);
  });
});
