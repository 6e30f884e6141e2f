import { NonRetryableError } from "@matchday/shared";

import type { FplBootstrap } from "./schemas/fpl.js";
import type { SofaSeason } from "./schemas/sofascore.js";

/** A season label as the recorded data directories name it: `2025-26`. */
export type SeasonLabel = `${number}-${number}`;

function label(startYear: number): SeasonLabel {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}` as SeasonLabel;
}

/**
 * The season a bootstrap belongs to, from gameweek 1's deadline (always in August, UTC): FPL
 * switches to next season's ids in July, so a run must tag its records with the season the data
 * says, never with the calendar or a config value.
 */
export function fplSeasonOf(bootstrap: Pick<FplBootstrap, "events">): SeasonLabel {
  const first = [...bootstrap.events].sort((a, b) => a.id - b.id)[0];
  if (!first) throw new NonRetryableError("FPL bootstrap has no gameweeks: cannot tell its season");
  return label(new Date(first.deadline_time).getUTCFullYear());
}

/**
 * The season label of a SofaScore season (`year: "25/26"` → `2025-26`), or undefined for
 * single-year competitions and missing years. Assumes the 21st century, as SofaScore's 2-digit
 * years do for current seasons.
 */
export function sofaSeasonLabel(season: Pick<SofaSeason, "year">): SeasonLabel | undefined {
  const m = /^(\d{2})\/(\d{2})$/.exec(season.year ?? "");
  if (!m) return undefined;
  const start = 2000 + Number(m[1]);
  return (start + 1) % 100 === Number(m[2]) ? label(start) : undefined;
}
