import { NonRetryableError } from "@matchday/shared";

import type { FplBootstrap } from "./schemas/fpl.js";

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
