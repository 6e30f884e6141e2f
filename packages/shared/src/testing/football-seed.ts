// Test support for the services that read football data (ml, predictions, analytics): writes small
// synthetic leagues into the sync tables as the sync service would, and builds a TaskContext for
// calling handlers directly.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { leagues, matches, odds, teams } from "../db/schema/index.js";
import type { TaskContext } from "../tasks/worker.js";
import { seededRandom } from "../random.js";
import { silentLogger } from "./logs.js";

/** Decimal 1X2 prices. */
export type Prices = { home: number; draw: number; away: number };

/** One match to seed: teams by name, kick-off, optional result, shots on target and 1X2 odds. */
export type SeedMatch = {
  home: string;
  away: string;
  kickoff: Date;
  homeGoals?: number;
  awayGoals?: number;
  homeShotsOnTarget?: number;
  awayShotsOnTarget?: number;
  pinnacleClosing?: Prices;
  averageClosing?: Prices;
  /** Non-closing prices of a bookmaker (`pinnacle`, `market_avg`, …). */
  preMatch?: Prices & { bookmaker: string };
};

/** Seeds one league season; returns the sync match ids in input order and the team ids by name. */
export async function seedLeague(
  db: Db,
  opts: { league: string; season: string; matches: readonly SeedMatch[] },
): Promise<{ matchIds: number[]; teamIds: Map<string, number> }> {
  await db.insert(leagues).values({ code: opts.league }).onConflictDoNothing();
  const teamIds = new Map<string, number>();
  for (const name of [...new Set(opts.matches.flatMap((m) => [m.home, m.away]))]) {
    const [existing] = await db.select().from(teams).where(eq(teams.name, name));
    const id =
      existing?.id ?? (await db.insert(teams).values({ name }).returning({ id: teams.id }))[0]!.id;
    teamIds.set(name, id);
  }
  const matchIds: number[] = [];
  for (const m of opts.matches) {
    const played = m.homeGoals !== undefined && m.awayGoals !== undefined;
    const [row] = await db
      .insert(matches)
      .values({
        league: opts.league,
        season: opts.season,
        homeTeamId: teamIds.get(m.home)!,
        awayTeamId: teamIds.get(m.away)!,
        kickoff: m.kickoff,
        hasTime: true,
        status: played ? "finished" : "scheduled",
        ftHomeGoals: m.homeGoals ?? null,
        ftAwayGoals: m.awayGoals ?? null,
        ftResult: played
          ? m.homeGoals! > m.awayGoals!
            ? "H"
            : m.homeGoals! < m.awayGoals!
              ? "A"
              : "D"
          : null,
        homeShotsOnTarget: m.homeShotsOnTarget ?? null,
        awayShotsOnTarget: m.awayShotsOnTarget ?? null,
      })
      .returning({ id: matches.id });
    matchIds.push(row!.id);
    const quotes = [
      m.pinnacleClosing && { bookmaker: "pinnacle", closing: true, ...m.pinnacleClosing },
      m.averageClosing && { bookmaker: "market_avg", closing: true, ...m.averageClosing },
      m.preMatch && { closing: false, ...m.preMatch },
    ].filter((q) => !!q);
    if (quotes.length) {
      await db
        .insert(odds)
        .values(quotes.map((q) => ({ matchId: row!.id, market: "1x2" as const, ...q })));
    }
  }
  return { matchIds, teamIds };
}

/** Sets a seeded match's result, as a later sync would. */
export async function setResult(
  db: Db,
  matchId: number,
  homeGoals: number,
  awayGoals: number,
): Promise<void> {
  await db
    .update(matches)
    .set({
      status: "finished",
      ftHomeGoals: homeGoals,
      ftAwayGoals: awayGoals,
      ftResult: homeGoals > awayGoals ? "H" : homeGoals < awayGoals ? "A" : "D",
    })
    .where(eq(matches.id, matchId));
}

/**
 * A double round robin of `teamCount` teams, one round a week on Saturdays 15:00 UTC from `start`,
 * scores drawn from a seeded PRNG (0–3 goals), shots on target = goals + 2.
 */
export function roundRobin(opts: {
  teamCount: number;
  start: Date;
  seed?: number;
  prefix?: string;
}): SeedMatch[] {
  const random = seededRandom(opts.seed ?? 7);
  const names = Array.from(
    { length: opts.teamCount },
    (_, i) => `${opts.prefix ?? "Team"} ${String.fromCharCode(65 + i)}`,
  );
  const out: SeedMatch[] = [];
  let week = 0;
  for (const leg of [0, 1]) {
    for (let r = 0; r < opts.teamCount - 1; r++) {
      const order = [
        0,
        ...Array.from(
          { length: opts.teamCount - 1 },
          (_, i) => 1 + ((i + r) % (opts.teamCount - 1)),
        ),
      ];
      for (let i = 0; i < opts.teamCount / 2; i++) {
        let h = order[i]!;
        let a = order[opts.teamCount - 1 - i]!;
        if (leg === 1) [h, a] = [a, h];
        const homeGoals = Math.floor(random() * 4);
        const awayGoals = Math.floor(random() * 3);
        out.push({
          home: names[h]!,
          away: names[a]!,
          kickoff: new Date(opts.start.getTime() + week * 7 * 86_400_000),
          homeGoals,
          awayGoals,
          homeShotsOnTarget: homeGoals + 2,
          awayShotsOnTarget: awayGoals + 2,
        });
      }
      week++;
    }
  }
  return out;
}

/** A TaskContext for calling a handler directly, with its clock at `now`. */
export function testContext(now: Date | (() => Date)): TaskContext {
  const clock = typeof now === "function" ? now : () => new Date(now.getTime());
  return {
    runId: randomUUID(),
    attempt: 1,
    signal: new AbortController().signal,
    logger: silentLogger(),
    trigger: { kind: "manual" },
    now: clock,
    heartbeat: () => {},
  };
}
