/**
 * Builds `GET event/{id}/lineups` bodies from a simulated match, in the shape of the real
 * `sofascore/event-lineups` sample: player objects (`name`, `slug`, `shortName`, `position`,
 * `jerseyNumber`, `height`, `id`, …), `teamId`, `shirtNumber`, `substitute`, `captain` and the
 * per-match `statistics` (`{}` for a substitute who did not come on).
 */
import type { FplElement } from "../clients/schemas/fpl.js";
import { heightOf, shirtNumberOf } from "./player-profile.js";
import { createRng } from "./prng.js";
import type { SimulatedMatch, SimulatedSide } from "./simulate-match.js";
import { slugify, type SofaPlayerIdentity, type SofaTeamIdentity } from "./sofascore-ids.js";

/** What the lineup builder needs besides the match. */
export interface LineupContext {
  seed: number;
  eventId: number;
  confirmed: boolean;
  teams: Map<number, SofaTeamIdentity>;
  players: Map<number, SofaPlayerIdentity>;
}

function shortNameOf(name: string): string {
  const parts = name.split(" ").filter(Boolean);
  if (parts.length < 2) return name;
  return `${(parts[0] as string)[0]}. ${parts.slice(1).join(" ")}`;
}

/** The SofaScore player object of an FPL element. */
export function sofaPlayerObject(
  seed: number,
  el: FplElement,
  identity: SofaPlayerIdentity,
  position: string,
) {
  const shirt = shirtNumberOf(seed, el);
  return {
    name: identity.name,
    firstName: el.first_name,
    lastName: el.second_name,
    slug: slugify(identity.name),
    shortName: shortNameOf(identity.name),
    position,
    jerseyNumber: String(shirt),
    height: heightOf(seed, el),
    userCount: createRng(seed, `users:${el.code}`).int(50, 60000),
    id: identity.id,
    marketValueCurrency: "EUR",
  };
}

function sideLineup(ctx: LineupContext, side: SimulatedSide) {
  const team = ctx.teams.get(side.fplTeamId);
  if (!team) throw new Error(`no SofaScore team for FPL team ${side.fplTeamId}`);
  const rng = createRng(ctx.seed, `colours:${team.id}`);
  const colour = () => rng.int(0, 0xffffff).toString(16).padStart(6, "0");
  const starters = side.players.filter((p) => p.started);
  const captain = [...starters].sort(
    (a, b) => b.element.minutes - a.element.minutes || a.element.id - b.element.id,
  )[0];
  return {
    players: side.players.map((p) => {
      const identity = ctx.players.get(p.element.id);
      if (!identity) throw new Error(`no SofaScore id for FPL element ${p.element.id}`);
      const shirt = shirtNumberOf(ctx.seed, p.element);
      return {
        player: sofaPlayerObject(ctx.seed, p.element, identity, p.position),
        teamId: team.id,
        shirtNumber: shirt,
        jerseyNumber: String(shirt),
        position: p.position,
        substitute: !p.started,
        ...(p === captain ? { captain: true } : {}),
        statistics: p.statistics,
      };
    }),
    supportStaff: [],
    formation: side.formation,
    playerColor: { primary: colour(), number: colour(), outline: colour(), fancyNumber: "ffffff" },
    goalkeeperColor: {
      primary: colour(),
      number: colour(),
      outline: colour(),
      fancyNumber: "ffffff",
    },
    missingPlayers: [],
  };
}

/** One lineups body. */
export function buildSofaLineups(ctx: LineupContext, match: SimulatedMatch) {
  return {
    confirmed: ctx.confirmed,
    home: sideLineup(ctx, match.home),
    away: sideLineup(ctx, match.away),
  };
}
