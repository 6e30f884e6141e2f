import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  HttpStatusError,
  isNonRetryable,
  NonRetryableError,
  sharedDataDir,
} from "@matchday/shared";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { SofaEventsPage } from "./schemas/sofascore.js";
import {
  createDirectorySofaSource,
  createHttpSofaSource,
  fetchPlayerHeatmap,
} from "./sofascore.js";
import { collectSeasonEvents, type SofaEventsPager } from "./sofascore-season-events.js";
import {
  startLocalHttpServer,
  type LocalHttpServer,
  type ScriptedAnswer,
} from "./testing/local-http-server.js";
import { makeSofaEvent } from "./testing/sofa-event.js";
import { UpstreamDriftError } from "./upstream-drift-error.js";
import { UpstreamNotFoundError } from "./upstream-not-found-error.js";

const lineupsFile = path.join(
  sharedDataDir(),
  "sofascore/event-lineups/lineups_team1977_vs_team1966.json",
);
const realLineups = JSON.parse(readFileSync(lineupsFile, "utf8")) as unknown;

const fast = {
  retryDelayMs: 10,
  maxRetryDelayMs: 20,
  minIntervalMs: 0,
  timeoutMs: 5_000,
  maxAttempts: 3,
};
const LIV = { id: 44, name: "Liverpool" };
const EVE = { id: 48, name: "Everton" };
const ARS = { id: 42, name: "Arsenal" };
const ev = (id: number, round: number) =>
  makeSofaEvent({ id, home: LIV, away: EVE, startTimestamp: 1758367800 + id, round });

let server: LocalHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function serve(answer: (url: string, nth: number) => ScriptedAnswer) {
  server = await startLocalHttpServer(answer);
  return server;
}

describe("sofascore http source - api-v1 style", () => {
  it("uses SofaScore's paths and parses each answer", async () => {
    const event = ev(14025166, 5);
    const routes: Record<string, unknown> = {
      "/api/v1/unique-tournament/17/season/76986/events/round/5": { events: [event] },
      "/api/v1/unique-tournament/17/season/76986/events/last/0": {
        events: [event],
        hasNextPage: false,
      },
      "/api/v1/event/14025166": { event },
      "/api/v1/event/14025166/lineups": realLineups,
      "/api/v1/event/14025166/player/934354/heatmap": {
        heatmap: [
          { x: 4, y: 49 },
          { x: 8, y: 51 },
        ],
      },
      "/api/v1/player/934354/unique-tournament/17/season/76986/statistics/overall": {
        statistics: { rating: 7.1, minutesPlayed: 900, appearances: 10, type: "overall", id: 1 },
        team: { id: 60, name: "Bournemouth" },
      },
      "/api/v1/player/934354/attribute-overviews": {
        playerAttributeOverviews: [],
        averageAttributeOverviews: [],
      },
    };
    const s = await serve((url) =>
      url in routes ? { body: routes[url] } : { status: 404, body: {} },
    );
    const source = createHttpSofaSource({
      baseUrl: `${s.baseUrl}api/v1/`,
      style: "api-v1",
      ...fast,
    });
    expect((await source.roundEvents(76986, 5)).events.map((e) => e.id)).toEqual([14025166]);
    expect((await source.eventsPage(76986, "last", 0)).hasNextPage).toBe(false);
    expect((await source.event(14025166)).homeTeam.id).toBe(44);
    const lineups = await source.lineups(14025166);
    expect(lineups.home.players.length).toBeGreaterThan(11);
    expect(await source.heatmap(14025166, 934354)).toEqual({
      available: true,
      points: [
        { x: 4, y: 49 },
        { x: 8, y: 51 },
      ],
    });
    expect((await source.playerSeasonStats(934354, 76986)).statistics.minutesPlayed).toBe(900);
    expect((await source.attributeOverviews(934354)).playerAttributeOverviews).toEqual([]);
    expect(s.requests).toHaveLength(Object.keys(routes).length);
  });

  it("records a 404 or an empty heatmap as unavailable, but throws on other failures", async () => {
    const s = await serve((url) => {
      if (url.includes("/player/1/")) return { status: 404, body: { error: { code: 404 } } };
      if (url.includes("/player/2/")) return { body: { heatmap: [] } };
      return { status: 403, body: {} };
    });
    const source = createHttpSofaSource({ baseUrl: s.baseUrl, style: "api-v1", ...fast });
    expect(await source.heatmap(9, 1)).toEqual({ available: false, reason: "not-found" });
    expect(await source.heatmap(9, 2)).toEqual({ available: false, reason: "empty" });
    const err = await source.heatmap(9, 3).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpStatusError);
    expect((err as HttpStatusError).status).toBe(403);
    expect(isNonRetryable(err)).toBe(true);
  });

  it("does not request a heatmap of an event that has none", async () => {
    const s = await serve(() => ({ body: { heatmap: [{ x: 1, y: 1 }] } }));
    const source = createHttpSofaSource({ baseUrl: s.baseUrl, style: "api-v1", ...fast });
    const event = makeSofaEvent({
      id: 5,
      home: LIV,
      away: EVE,
      startTimestamp: 0,
      hasEventPlayerHeatMap: false,
    });
    expect(await fetchPlayerHeatmap(source, event, 7)).toEqual({
      available: false,
      reason: "event-without-heatmaps",
    });
    expect(s.requests).toHaveLength(0);
    expect(
      await fetchPlayerHeatmap(source, { ...event, hasEventPlayerHeatMap: true }, 7),
    ).toMatchObject({ available: true });
  });

  it("reports 404 on other resources as not found, without retrying", async () => {
    const s = await serve(() => ({ status: 404, body: {} }));
    const source = createHttpSofaSource({ baseUrl: s.baseUrl, style: "api-v1", ...fast });
    const err = await source.lineups(123).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamNotFoundError);
    expect((err as Error).message).toContain(`GET ${s.baseUrl}event/123/lineups`);
    expect(s.requests).toHaveLength(1);
  });

  it("waits out a 429 with Retry-After and retries a 502", async () => {
    const s = await serve((url, nth) => {
      if (nth === 0 && url.endsWith("/lineups"))
        return { status: 429, headers: { "retry-after": "1" }, body: {} };
      if (nth === 0) return { status: 502, body: "bad gateway" };
      return url.endsWith("/lineups")
        ? { body: realLineups }
        : { body: { heatmap: [{ x: 50, y: 50 }] } };
    });
    const source = createHttpSofaSource({ baseUrl: s.baseUrl, style: "api-v1", ...fast });
    const started = Date.now();
    expect((await source.lineups(1)).confirmed).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(await source.heatmap(1, 2)).toEqual({ available: true, points: [{ x: 50, y: 50 }] });
    expect(s.requests).toHaveLength(4);
  });

  it("reports a drifted lineup with the field's path and the URL", async () => {
    const drifted = structuredClone(realLineups) as {
      home: { players: { statistics: Record<string, unknown> }[] };
    };
    drifted.home.players[3]!.statistics.minutesPlayed = "90";
    const s = await serve(() => ({ body: drifted }));
    const source = createHttpSofaSource({ baseUrl: s.baseUrl, style: "api-v1", ...fast });
    const err = await source.lineups(123).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamDriftError);
    expect((err as Error).message).toBe(
      `drift in GET ${s.baseUrl}event/123/lineups: home.players[3].statistics.minutesPlayed: expected number, received string`,
    );
  });
});

describe("sofascore http source - rapidapi style", () => {
  it("uses the proxy's query endpoints, sends the key headers and unwraps {data}", async () => {
    const event = ev(14025211, 3);
    const routes: Record<string, unknown> = {
      "/v1/seasons/events?seasons_id=76986&unique_tournament_id=17&course_events=last&page=0": {
        data: { events: [event], hasNextPage: false },
      },
      "/v1/events/data?event_id=14025211": { data: event },
      "/v1/events/lineups?event_id=14025211": { data: realLineups },
      "/v1/events/player-heatmap?event_id=14025211&player_id=934354": { data: [{ x: 4, y: 49 }] },
      "/v1/events/player-heatmap?event_id=14025211&player_id=1": { data: [] },
      "/v1/players/statistics/result?player_id=934354&unique_tournament_id=17&seasons_id=76986&player_stat_type=overall":
        { data: { statistics: { appearances: 3 } } },
      "/v1/players/attribute-overviews?player_id=934354": {
        data: { playerAttributeOverviews: [], averageAttributeOverviews: [] },
      },
    };
    const s = await serve((url) =>
      url in routes ? { body: routes[url] } : { status: 404, body: { message: "no" } },
    );
    const source = createHttpSofaSource({
      baseUrl: `${s.baseUrl}v1`,
      style: "rapidapi",
      headers: { "x-rapidapi-key": "test-key", "x-rapidapi-host": "sofasport.p.rapidapi.com" },
      ...fast,
    });
    expect((await source.eventsPage(76986, "last", 0)).events).toHaveLength(1);
    expect((await source.event(14025211)).id).toBe(14025211);
    expect((await source.lineups(14025211)).home.formation).toBe("4-2-2-2");
    expect(await source.heatmap(14025211, 934354)).toEqual({
      available: true,
      points: [{ x: 4, y: 49 }],
    });
    expect(await source.heatmap(14025211, 1)).toEqual({ available: false, reason: "empty" });
    expect(await source.heatmap(14025211, 2)).toEqual({ available: false, reason: "not-found" });
    expect((await source.playerSeasonStats(934354, 76986)).statistics.appearances).toBe(3);
    expect((await source.attributeOverviews(934354)).averageAttributeOverviews).toEqual([]);
    expect(s.requests.every((r) => r.headers["x-rapidapi-key"] === "test-key")).toBe(true);
  });

  it("derives a round from the season pages (the proxy has no by-round endpoint)", async () => {
    const page = (events: unknown[], hasNextPage: boolean) => ({ data: { events, hasNextPage } });
    const s = await serve((url) => {
      if (url.includes("course_events=last&page=0"))
        return { body: page([ev(1, 1), ev(2, 2)], true) };
      if (url.includes("course_events=last&page=1")) return { body: page([ev(3, 2)], false) };
      if (url.includes("course_events=next&page=0"))
        return { body: page([ev(4, 3), ev(5, 2)], false) };
      return { status: 404, body: {} };
    });
    const source = createHttpSofaSource({ baseUrl: s.baseUrl, style: "rapidapi", ...fast });
    expect((await source.roundEvents(76986, 2)).events.map((e) => e.id)).toEqual([2, 3, 5]);
  });

  it("names the path inside the envelope when the proxy's payload drifts", async () => {
    const s = await serve(() => ({ body: { data: [{ x: "4", y: 49 }] } }));
    const source = createHttpSofaSource({ baseUrl: s.baseUrl, style: "rapidapi", ...fast });
    await expect(source.heatmap(1, 2)).rejects.toThrow(
      `drift in GET ${s.baseUrl}events/player-heatmap?event_id=1&player_id=2: data[0].x: expected number, received string`,
    );
  });

  it("reports a missing envelope as drift", async () => {
    const s = await serve(() => ({ body: realLineups }));
    const source = createHttpSofaSource({ baseUrl: s.baseUrl, style: "rapidapi", ...fast });
    await expect(source.lineups(1)).rejects.toThrow("data: expected object, received undefined");
  });
});

describe("sofascore directory source", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "sofa-dir-"));
    const write = (relative: string, body: unknown) => {
      const file = path.join(dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(body));
    };
    mkdirSync(path.join(dir, "event/77"), { recursive: true });
    // The real recorded lineups, under the api/v1 layout (linked, not copied).
    symlinkSync(lineupsFile, path.join(dir, "event/77/lineups.json"));
    write("event/77.json", { event: ev(77, 4) });
    write("event/77/player/5/heatmap.json", { heatmap: [{ x: 10, y: 20 }] });
    write("event/77/player/6/heatmap.json", { heatmap: [] });
    write("unique-tournament/17/season/76986/events/round/4.json", { events: [ev(77, 4)] });
    write("unique-tournament/17/season/76986/events/last/0.json", {
      events: [ev(77, 4)],
      hasNextPage: false,
    });
    write("player/5/unique-tournament/17/season/76986/statistics/overall.json", {
      statistics: { goals: 2 },
    });
    write("player/5/attribute-overviews.json", {
      playerAttributeOverviews: [],
      averageAttributeOverviews: [],
    });
    write("player/6/attribute-overviews.json", {
      playerAttributeOverviews: [{ attacking: "high" }],
      averageAttributeOverviews: [],
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads every kind of file in the documented layout, the real lineups included", async () => {
    const source = createDirectorySofaSource(dir);
    expect((await source.lineups(77)).away.formation).toBe("4-3-3");
    expect((await source.event(77)).id).toBe(77);
    expect((await source.roundEvents(76986, 4)).events).toHaveLength(1);
    expect((await source.eventsPage(76986, "last", 0)).events).toHaveLength(1);
    expect((await source.playerSeasonStats(5, 76986)).statistics.goals).toBe(2);
    expect((await source.attributeOverviews(5)).playerAttributeOverviews).toEqual([]);
  });

  it("treats a missing heatmap file as unavailable and an empty one as empty", async () => {
    const source = createDirectorySofaSource(dir);
    expect(await source.heatmap(77, 5)).toEqual({ available: true, points: [{ x: 10, y: 20 }] });
    expect(await source.heatmap(77, 6)).toEqual({ available: false, reason: "empty" });
    expect(await source.heatmap(77, 7)).toEqual({ available: false, reason: "not-found" });
  });

  it("fails non-retryably on any other missing file, naming it", async () => {
    const source = createDirectorySofaSource(dir);
    const err = await source.lineups(78).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamNotFoundError);
    expect(isNonRetryable(err)).toBe(true);
    expect((err as Error).message).toContain(path.join(dir, "event/78/lineups.json"));
  });

  it("reports a drifted file with the file path and the field", async () => {
    const source = createDirectorySofaSource(dir);
    await expect(source.attributeOverviews(6)).rejects.toThrow(
      `drift in ${path.join(dir, "player/6/attribute-overviews.json")}: playerAttributeOverviews[0].attacking: expected number, received string`,
    );
  });
});

describe("collectSeasonEvents", () => {
  const pager = (
    pages: Record<string, SofaEventsPage | "404">,
  ): SofaEventsPager & { calls: string[] } => {
    const calls: string[] = [];
    return {
      calls,
      eventsPage: async (_season, direction, page) => {
        const key = `${direction}/${page}`;
        calls.push(key);
        const answer = pages[key];
        if (answer === undefined || answer === "404") throw new UpstreamNotFoundError(`GET ${key}`);
        return answer;
      },
    };
  };

  it("pages both directions until hasNextPage is false, keeping one copy per event", async () => {
    const later = { ...ev(3, 2), status: { code: 100, type: "finished" } };
    const p = pager({
      "last/0": { events: [ev(2, 1), ev(1, 1)], hasNextPage: true },
      "last/1": { events: [ev(3, 2)], hasNextPage: false },
      "next/0": { events: [later, ev(4, 3)], hasNextPage: false },
    });
    const { events, pages } = await collectSeasonEvents(p, 76986);
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(events[2]).toBe(later);
    expect(pages).toBe(3);
    expect(p.calls).toEqual(["last/0", "last/1", "next/0"]);
  });

  it("ends a direction that answers 404 (no upcoming events after the season)", async () => {
    const p = pager({ "last/0": { events: [ev(1, 1)], hasNextPage: false }, "next/0": "404" });
    expect((await collectSeasonEvents(p, 76986)).events).toHaveLength(1);
  });

  it("reports a season with no pages at all as not found", async () => {
    await expect(collectSeasonEvents(pager({}), 1)).rejects.toBeInstanceOf(UpstreamNotFoundError);
  });

  it("stops an upstream that always has a next page", async () => {
    const endless: SofaEventsPager = {
      eventsPage: async () => ({ events: [ev(1, 1)], hasNextPage: true }),
    };
    const err = await collectSeasonEvents(endless, 76986, { maxPages: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NonRetryableError);
    expect((err as Error).message).toContain("still hasNextPage after 5 pages");
  });

  it("leaves a team id it has never seen to the mapping (no filtering here)", async () => {
    const odd = makeSofaEvent({
      id: 9,
      home: ARS,
      away: { id: 999999, name: "Nowhere" },
      startTimestamp: 1,
    });
    const p = pager({ "last/0": { events: [odd], hasNextPage: false } });
    expect((await collectSeasonEvents(p, 76986)).events).toEqual([odd]);
  });
});
