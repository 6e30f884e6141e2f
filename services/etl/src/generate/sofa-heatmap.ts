/**
 * Invents a player's heatmap for one match: `{heatmap: [{x, y}]}` with integer pitch coordinates
 * 0–100 (x along the pitch towards the opponent's goal, y across), one point per sampled position,
 * about 1–1.6 points per minute played (capped at 150, as the README describes real ones). Most
 * points cluster around the player's formation slot; a fifth roam further.
 */
import { clamp, createRng } from "./prng.js";
import type { SimulatedPlayer } from "./simulate-match.js";

/** A heatmap point as SofaScore sends it. */
export interface HeatmapPointJson {
  x: number;
  y: number;
}

/** Heatmap points of one player in one match (empty for a player who did not play). */
export function buildHeatmapPoints(
  seed: number,
  eventId: number,
  player: SimulatedPlayer,
): HeatmapPointJson[] {
  if (player.minutes <= 0) return [];
  const rng = createRng(seed, `heatmap:${eventId}:${player.element.id}`);
  const count = clamp(Math.round(player.minutes * rng.uniform(1, 1.6)), 1, 150);
  const keeper = player.position === "G";
  const sdX = keeper ? 4 : 11;
  const sdY = keeper ? 7 : 12;
  return Array.from({ length: count }, () => {
    const roam = !keeper && rng.chance(0.2);
    const x = rng.normal(player.slot.x + (roam ? rng.uniform(-25, 25) : 0), roam ? sdX * 1.5 : sdX);
    const y = rng.normal(player.slot.y, roam ? sdY * 1.8 : sdY);
    return { x: Math.round(clamp(x, 0, 100)), y: Math.round(clamp(y, 0, 100)) };
  });
}
