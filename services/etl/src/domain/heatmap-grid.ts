/**
 * SofaScore heatmap points → a fixed, normalised grid, and the season aggregate of several grids.
 *
 * The grid: the 0–100 × 0–100 pitch (x along the pitch towards the opponent's goal, y across) cut
 * into `HEATMAP_GRID_SIZE` × `HEATMAP_GRID_SIZE` equal cells (10 × 10, each 10 × 10 units). A point
 * (x, y) falls in column `min(⌊x / 10⌋, 9)` and row `min(⌊y / 10⌋, 9)` (so 100 belongs to the last
 * cell); `cells` is row-major (`cells[row * 10 + column]`). Each cell holds the share of the
 * points that fell in it, so the cells sum to 1; `pointCount` keeps the sample size, so
 * `share × pointCount` gives the counts back. Coordinates outside 0–100 are clamped; non-finite
 * ones are dropped. No usable point → `null` (no grid, rather than a grid of zeros).
 *
 * Aggregation weights each grid by its `pointCount`, which is exactly the grid of all the points
 * pooled together (a 90-minute match weighs more than a 10-minute cameo).
 */

/** Cells per axis. */
export const HEATMAP_GRID_SIZE = 10;
/** Pitch units per cell (the pitch is 0–100). */
const CELL_UNITS = 100 / HEATMAP_GRID_SIZE;

/** One SofaScore heatmap point (pitch units 0–100). */
export interface HeatmapPoint {
  x: number;
  y: number;
}

/** A normalised heatmap grid. */
export interface HeatmapGrid {
  /** Cells per axis (always `HEATMAP_GRID_SIZE`). */
  size: number;
  /** Row-major shares (row = y band, column = x band), summing to 1. */
  cells: number[];
  /** Number of points the shares were computed from. */
  pointCount: number;
}

function cellIndex(v: number): number {
  const clamped = Math.min(100, Math.max(0, v));
  return Math.min(Math.floor(clamped / CELL_UNITS), HEATMAP_GRID_SIZE - 1);
}

/** Raw points → normalised grid, or null when there is no usable point. */
export function heatmapGrid(points: readonly HeatmapPoint[]): HeatmapGrid | null {
  const counts = new Array<number>(HEATMAP_GRID_SIZE * HEATMAP_GRID_SIZE).fill(0);
  let n = 0;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const i = cellIndex(p.y) * HEATMAP_GRID_SIZE + cellIndex(p.x);
    counts[i] = (counts[i] as number) + 1;
    n++;
  }
  if (n === 0) return null;
  return { size: HEATMAP_GRID_SIZE, cells: counts.map((c) => c / n), pointCount: n };
}

/** Several grids (e.g. a player's matches of a season) → one, weighted by points; null if none. */
export function aggregateHeatmapGrids(grids: readonly (HeatmapGrid | null)[]): HeatmapGrid | null {
  const present = grids.filter((g): g is HeatmapGrid => g !== null && g.pointCount > 0);
  const total = present.reduce((s, g) => s + g.pointCount, 0);
  if (total === 0) return null;
  const cells = new Array<number>(HEATMAP_GRID_SIZE * HEATMAP_GRID_SIZE).fill(0);
  for (const g of present) {
    if (g.size !== HEATMAP_GRID_SIZE || g.cells.length !== cells.length) {
      throw new Error(
        `heatmap grid of size ${g.size} cannot be aggregated with ${HEATMAP_GRID_SIZE}`,
      );
    }
    g.cells.forEach((share, i) => {
      cells[i] = (cells[i] as number) + share * g.pointCount;
    });
  }
  return { size: HEATMAP_GRID_SIZE, cells: cells.map((c) => c / total), pointCount: total };
}
