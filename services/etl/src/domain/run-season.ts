/**
 * Which season a run works on, and SofaScore's id of it. The season comes from the payload or the
 * configuration (`ETL_SEASON`), else from the service clock: never a constant, so the July/August
 * rollover needs no code change.
 */
import { NonRetryableError } from "@matchday/shared";

import { fplSeasonOf, type SeasonLabel } from "../clients/season.js";
import type { FplBootstrap } from "../clients/schemas/fpl.js";

/**
 * SofaScore season ids we know (Premier League, unique tournament 17). Only 2025-26 is documented
 * by the data pack (ceasemaker/FPL); other seasons need `SOFASCORE_SEASON_ID`.
 */
export const KNOWN_SOFASCORE_SEASON_IDS: Readonly<Record<string, number>> = Object.freeze({
  "2025-26": 76986,
});

/**
 * The season containing `at`: a season starts on 1 July (UTC), when FPL switches to the next
 * season's game, so 2026-06-30 is in 2025-26 and 2026-07-01 in 2026-27.
 */
export function seasonOfInstant(at: Date): SeasonLabel {
  const year = at.getUTCFullYear();
  const start = at.getUTCMonth() >= 6 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}` as SeasonLabel;
}

/** What a run needs to know of its season. */
export interface RunSeason {
  /** FPL season label, stored with every record. */
  season: string;
  /** SofaScore's id of the same season. */
  sofaSeasonId: number;
}

/**
 * The run's season: the configured one (or the clock's), which a payload may repeat but not
 * change. Throws `NonRetryableError` when the payload names another season or no SofaScore id is
 * known for it: retrying cannot fix either.
 */
export function resolveRunSeason(
  payloadSeason: string | undefined,
  settings: { season: string | undefined; sofaSeasonId: number | undefined },
  now: Date,
): RunSeason {
  const season = settings.season ?? seasonOfInstant(now);
  if (payloadSeason !== undefined && payloadSeason !== season) {
    throw new NonRetryableError(
      `this etl service serves season ${season} (ETL_SEASON${settings.season ? "" : " unset: the clock's season"}), not ${payloadSeason}: FPL serves one season at a time and SOFASCORE_SEASON_ID belongs to ${season}`,
    );
  }
  const sofaSeasonId = settings.sofaSeasonId ?? KNOWN_SOFASCORE_SEASON_IDS[season];
  if (sofaSeasonId === undefined) {
    throw new NonRetryableError(
      `no SofaScore season id for ${season}: set SOFASCORE_SEASON_ID (and ETL_SEASON=${season})`,
    );
  }
  return { season, sofaSeasonId };
}

/**
 * Checks that the FPL data is the run's season before anything is written: FPL moves to next
 * season's ids in July, and writing them under this season would corrupt it.
 */
export function assertFplSeason(bootstrap: Pick<FplBootstrap, "events">, season: string): void {
  const served = fplSeasonOf(bootstrap);
  if (served !== season) {
    throw new NonRetryableError(
      `FPL serves season ${served}, but this run is for ${season}: refusing to store ${served} ids under ${season} (update ETL_SEASON and SOFASCORE_SEASON_ID)`,
    );
  }
}
