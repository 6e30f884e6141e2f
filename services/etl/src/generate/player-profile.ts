/**
 * The invented, per-player constants of a generated world: a talent profile (five multipliers, one
 * per SofaScore attribute group) that drives both the per-match statistics and the SofaScore
 * attribute overviews, a shirt number and a height. Each is drawn from a generator derived from the
 * seed and the FPL element `code`, so a player keeps them across matches and gameweeks.
 */
import type { FplElement } from "../clients/schemas/fpl.js";
import { createRng } from "./prng.js";

/** SofaScore's one-letter positions. */
export type SofaPosition = "G" | "D" | "M" | "F";

/** The five SofaScore attribute-overview groups. */
export const ATTRIBUTE_GROUPS = [
  "attacking",
  "technical",
  "tactical",
  "defending",
  "creativity",
] as const;
export type AttributeGroup = (typeof ATTRIBUTE_GROUPS)[number];

/** Multipliers around 1 (0.6–1.5) on the position's base rates, one per attribute group. */
export type Talent = Record<AttributeGroup, number>;

/** FPL `element_type` (1 GK, 2 DEF, 3 MID, 4 FWD) → SofaScore position letter. */
export function sofaPositionOf(elementType: number): SofaPosition {
  const letter = ({ 1: "G", 2: "D", 3: "M", 4: "F" } as const)[elementType as 1 | 2 | 3 | 4];
  if (!letter) throw new Error(`unknown FPL element_type ${elementType}`);
  return letter;
}

/** The player's talent profile for this seed. */
export function talentOf(seed: number, element: FplElement): Talent {
  const rng = createRng(seed, `talent:${element.code}`);
  const draw = () => Math.min(1.5, Math.max(0.6, rng.normal(1, 0.2)));
  return {
    attacking: draw(),
    technical: draw(),
    tactical: draw(),
    defending: draw(),
    creativity: draw(),
  };
}

/** Shirt number: FPL's `squad_number` when set, else a stable invented one (1 for keepers). */
export function shirtNumberOf(seed: number, element: FplElement): number {
  const squad = element.squad_number;
  if (typeof squad === "number" && squad > 0) return squad;
  const rng = createRng(seed, `shirt:${element.code}`);
  return element.element_type === 1 ? rng.pick([1, 13, 31]) : rng.int(2, 45);
}

/** Height in cm, invented (keepers and defenders taller). */
export function heightOf(seed: number, element: FplElement): number {
  const rng = createRng(seed, `height:${element.code}`);
  const mean =
    ({ 1: 191, 2: 186, 3: 179, 4: 182 } as const)[element.element_type as 1 | 2 | 3 | 4] ?? 182;
  return Math.round(rng.normal(mean, 5));
}
