import {
  skip,
  type PayloadOf,
  type ResultInputOf,
  type Skip,
  type TaskContext,
  type updateLineups,
} from "@matchday/shared";

import { latestFinishedGameweek, lineupRows } from "../domain/lineup-rows.js";
import { mappedFixturesOfGameweek } from "../repo/fixture-mappings.js";
import { confirmedLineupEvents, saveLineups, type StoredLineups } from "../repo/lineups.js";
import type { EtlDeps } from "./etl-deps.js";
import { loadSeasonContext } from "./season-context.js";

type Payload = PayloadOf<typeof updateLineups>;
type Result = ResultInputOf<typeof updateLineups>;

/**
 * `update_lineups {gameweek = latest finished}`: for every mapped fixture of the gameweek whose
 * SofaScore event is finished and whose lineups are new or not yet confirmed, fetches both lineups
 * with per-player match statistics and stores them, all in one transaction after every answer
 * parsed (drift writes nothing). The result (and so the completion event that starts
 * `collect_heatmaps`) carries the gameweek, the (event, player) pairs of players who played, and
 * the players the mapping does not know. Nothing new to fetch is a skip, which starts nothing.
 */
export async function handleUpdateLineups(
  payload: Payload,
  ctx: TaskContext,
  deps: EtlDeps,
): Promise<Result | Skip> {
  const season = await loadSeasonContext(payload.season, ctx, deps);
  const gameweek = payload.gameweek ?? latestFinishedGameweek(season.bootstrap.events);
  if (gameweek === undefined) return skip(`season ${season.season}: no finished gameweek yet`);
  const mapped = await mappedFixturesOfGameweek(deps.db, season.season, gameweek);
  if (mapped.length === 0) {
    return skip(
      `gameweek ${gameweek}: no mapped fixture (run update_fixture_mappings for ${season.season})`,
    );
  }
  const confirmed = await confirmedLineupEvents(
    deps.db,
    season.season,
    mapped.map((m) => m.sofaEventId),
  );
  const pending = mapped.filter((m) => !confirmed.has(m.sofaEventId));
  if (pending.length === 0) {
    return skip(`gameweek ${gameweek}: all ${mapped.length} lineups already confirmed`);
  }

  const fetched: StoredLineups[] = [];
  const notFinished: number[] = [];
  const unconfirmed: number[] = [];
  const unmapped = new Map<number, string>();
  const pairs: { eventId: number; playerId: number }[] = [];
  for (const m of pending) {
    ctx.heartbeat();
    const event = await deps.sofa.event(m.sofaEventId, ctx.signal);
    if (event.status.type !== "finished") {
      notFinished.push(m.sofaEventId);
      continue;
    }
    const lineups = await deps.sofa.lineups(m.sofaEventId, ctx.signal);
    const rows = lineupRows(lineups, season.fplElementOf);
    for (const u of rows.unmapped) unmapped.set(u.id, u.name);
    if (!lineups.confirmed) unconfirmed.push(m.sofaEventId);
    for (const p of rows.players) {
      if (p.minutes > 0) pairs.push({ eventId: m.sofaEventId, playerId: p.sofaPlayerId });
    }
    fetched.push({
      event: {
        sofaEventId: m.sofaEventId,
        fplFixtureId: m.fplFixtureId,
        gameweek,
        confirmed: lineups.confirmed,
        eventStatus: event.status.type,
        hasPlayerHeatmaps: event.hasEventPlayerHeatMap !== false,
        homeFormation: lineups.home.formation ?? null,
        awayFormation: lineups.away.formation ?? null,
        fetchedAt: ctx.now(),
      },
      players: rows.players,
    });
  }
  if (fetched.length === 0) {
    return skip(`gameweek ${gameweek}: none of ${pending.length} pending fixtures has finished`);
  }
  await saveLineups(deps.db, season.season, fetched);
  ctx.logger.info(
    {
      season: season.season,
      gameweek,
      fetched: fetched.length,
      alreadyConfirmed: confirmed.size,
      notFinished,
      unconfirmed,
      unmappedPlayers: unmapped.size,
    },
    "lineups stored",
  );
  return {
    season: season.season,
    gameweek,
    fixtures: fetched.length,
    pairs,
    unmappedPlayers: [...unmapped].map(([id, name]) => ({ id, name })).sort((a, b) => a.id - b.id),
  };
}
