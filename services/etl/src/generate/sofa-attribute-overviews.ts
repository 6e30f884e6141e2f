/**
 * Builds `GET player/{id}/attribute-overviews` bodies: the player's own radars
 * (`playerAttributeOverviews`, yearShift 0 = current season, then earlier seasons) drawn around
 * his talent profile, and `averageAttributeOverviews`: the average of all generated players of
 * his position for the current season (computed, so it is exactly the positional mean).
 */
import type { FplElement } from "../clients/schemas/fpl.js";
import {
  ATTRIBUTE_GROUPS,
  sofaPositionOf,
  talentOf,
  type AttributeGroup,
  type SofaPosition,
} from "./player-profile.js";
import { clamp, createRng, hashString } from "./prng.js";

/** One radar as SofaScore writes it. */
export type AttributeOverviewJson = Record<AttributeGroup, number> & {
  position: SofaPosition;
  yearShift: number;
  id: number;
};

/** Where each position's radar centres (SofaScore rates against the position). */
const POSITION_CENTRE: Record<SofaPosition, Record<AttributeGroup, number>> = {
  G: { attacking: 30, technical: 55, tactical: 55, defending: 60, creativity: 35 },
  D: { attacking: 35, technical: 50, tactical: 58, defending: 62, creativity: 38 },
  M: { attacking: 52, technical: 58, tactical: 52, defending: 45, creativity: 55 },
  F: { attacking: 62, technical: 55, tactical: 42, defending: 30, creativity: 50 },
};

/** The player's own radars: 1–4 seasons, the older ones drifting from the current one. */
export function playerAttributeOverviews(seed: number, el: FplElement): AttributeOverviewJson[] {
  const rng = createRng(seed, `attributes:${el.code}`);
  const position = sofaPositionOf(el.element_type);
  const talent = talentOf(seed, el);
  const seasons = rng.int(1, 4);
  return Array.from({ length: seasons }, (_, yearShift) => {
    const values = Object.fromEntries(
      ATTRIBUTE_GROUPS.map((g) => [
        g,
        Math.round(
          clamp(POSITION_CENTRE[position][g] * talent[g] + rng.normal(-2 * yearShift, 3), 1, 99),
        ),
      ]),
    ) as Record<AttributeGroup, number>;
    return {
      ...values,
      position,
      yearShift,
      id: hashString(`attr:${seed}:${el.code}:${yearShift}`) % 1_000_000,
    };
  });
}

/** Averages the current-season radars of each position (rounded like SofaScore's integers). */
export function positionalAverages(
  current: ReadonlyMap<SofaPosition, AttributeOverviewJson[]>,
  seed: number,
): Map<SofaPosition, AttributeOverviewJson> {
  const out = new Map<SofaPosition, AttributeOverviewJson>();
  for (const [position, list] of current) {
    if (list.length === 0) continue;
    const values = Object.fromEntries(
      ATTRIBUTE_GROUPS.map((g) => [
        g,
        Math.round(list.reduce((s, o) => s + o[g], 0) / list.length),
      ]),
    ) as Record<AttributeGroup, number>;
    out.set(position, {
      ...values,
      position,
      yearShift: 0,
      id: hashString(`avg:${seed}:${position}`) % 1_000_000,
    });
  }
  return out;
}
