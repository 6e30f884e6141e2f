import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { sharedDataDir } from "@matchday/shared";
import { describe, expect, it } from "vitest";
import type * as z from "zod";

import { parseResponse } from "../parse-response.js";
import { FplBootstrap, FplElementSummary, FplEventLive, FplFixtures } from "./fpl.js";
import { PlayerMappingFile, TeamMappingFile } from "./mappings.js";
import {
  SofaAttributeOverviews,
  SofaEventResponse,
  SofaEventStatistics,
  SofaEventsPage,
  SofaHeatmap,
  SofaLineups,
  SofaPlayerSeasonStats,
  SofaRoundEvents,
} from "./sofascore.js";

const dataDir = sharedDataDir();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Which schema a recorded JSON file must satisfy, by its path under the data directory. */
function schemaFor(relative: string): z.ZodType | undefined {
  const rules: [RegExp, z.ZodType][] = [
    [/^fpl\/[^/]+\/api\/bootstrap-static\.json$/, FplBootstrap],
    [/^fpl\/[^/]+\/api\/fixtures\.json$/, FplFixtures],
    [/^fpl\/[^/]+\/api\/element-summary\/\d+\.json$/, FplElementSummary],
    [/^fpl\/[^/]+\/api\/event\/\d+\/live\.json$/, FplEventLive],
    [/^sofascore\/event-lineups\/[^/]+\.json$/, SofaLineups],
    [/^sofascore\/event-statistics\/[^/]+\.json$/, SofaEventStatistics],
    [/^sofascore\/event-lists\/[^/]+\.json$/, SofaRoundEvents],
    [/^sofascore\/mappings\/team_mapping\.json$/, TeamMappingFile],
    [/^sofascore\/mappings\/player_mapping\.json$/, PlayerMappingFile],
  ];
  return rules.find(([re]) => re.test(relative))?.[1];
}

const recorded = [
  ...walk(path.join(dataDir, "fpl")).filter((f) => f.includes(`${path.sep}api${path.sep}`)),
  ...walk(path.join(dataDir, "sofascore")),
]
  .filter((f) => f.endsWith(".json"))
  .map((f) => path.relative(dataDir, f).split(path.sep).join("/"))
  .sort();

describe("schemas - real recordings", () => {
  it("finds the recordings and has a schema for every one of them", () => {
    expect(recorded.length).toBeGreaterThanOrEqual(19);
    expect(recorded.filter((f) => !schemaFor(f))).toEqual([]);
  });

  it.each(recorded)("parses %s", (relative) => {
    const schema = schemaFor(relative);
    if (!schema) throw new Error(`no schema for ${relative}`);
    const file = path.join(dataDir, relative);
    const json = JSON.parse(readFileSync(file, "utf8")) as unknown;
    expect(() => parseResponse(schema, json, file)).not.toThrow();
  });

  it("keeps the fields upstream added beyond the schema (loose objects)", () => {
    const file = path.join(dataDir, "fpl/2026-27/api/bootstrap-static.json");
    const parsed = parseResponse(FplBootstrap, JSON.parse(readFileSync(file, "utf8")), file);
    expect(parsed.elements[0]).toHaveProperty("opta_code");
    expect(parsed).toHaveProperty("game_config");
  });
});

describe("schemas - documented shapes without a recording (README §3)", () => {
  const event = {
    id: 14025166,
    slug: "liverpool-everton",
    customId: "abcXyz",
    startTimestamp: 1758367800,
    status: { code: 100, description: "Ended", type: "finished" },
    winnerCode: 1,
    roundInfo: { round: 5 },
    tournament: {
      name: "Premier League",
      slug: "premier-league",
      id: 1,
      uniqueTournament: { id: 17, name: "Premier League", slug: "premier-league" },
    },
    season: { id: 76986, name: "Premier League 25/26", year: "25/26" },
    homeTeam: {
      id: 44,
      name: "Liverpool",
      slug: "liverpool",
      shortName: "Liverpool",
      nameCode: "LIV",
    },
    awayTeam: { id: 48, name: "Everton", slug: "everton", shortName: "Everton", nameCode: "EVE" },
    homeScore: { current: 2, display: 2, period1: 2, period2: 0, normaltime: 2 },
    awayScore: { current: 1, display: 1, period1: 0, period2: 1, normaltime: 1 },
    hasXg: true,
    hasEventPlayerStatistics: true,
    hasEventPlayerHeatMap: true,
    finalResultOnly: false,
  };
  const postponed = {
    ...event,
    id: 14025167,
    status: { code: 60, description: "Postponed", type: "postponed" },
    homeScore: {},
    awayScore: {},
    winnerCode: undefined,
  };

  it("parses round events, a page with hasNextPage and an event", () => {
    expect(
      parseResponse(SofaRoundEvents, { events: [event, postponed] }, "round").events,
    ).toHaveLength(2);
    expect(
      parseResponse(SofaEventsPage, { events: [event], hasNextPage: true }, "page").hasNextPage,
    ).toBe(true);
    expect(parseResponse(SofaEventResponse, { event }, "event").event.id).toBe(14025166);
  });

  it("requires hasNextPage on a page", () => {
    expect(() => parseResponse(SofaEventsPage, { events: [event] }, "GET /events/last/0")).toThrow(
      "drift in GET /events/last/0: hasNextPage: expected boolean, received undefined",
    );
  });

  it("parses heatmaps, empty ones included", () => {
    expect(
      parseResponse(
        SofaHeatmap,
        {
          heatmap: [
            { x: 4, y: 49 },
            { x: 8, y: 49 },
          ],
        },
        "h",
      ).heatmap,
    ).toHaveLength(2);
    expect(parseResponse(SofaHeatmap, { heatmap: [] }, "h").heatmap).toEqual([]);
    expect(() => parseResponse(SofaHeatmap, { heatmap: [{ x: 140, y: 2 }] }, "h")).toThrow(
      "heatmap[0].x",
    );
  });

  it("parses player season statistics and attribute overviews (empty lists too)", () => {
    const stats = {
      statistics: {
        rating: 6.9,
        minutesPlayed: 327,
        appearances: 5,
        goals: 0,
        expectedGoals: 0.1684,
        id: 1595217,
        type: "overall",
      },
      team: { id: 42, name: "Arsenal", slug: "arsenal", shortName: "Arsenal", nameCode: "ARS" },
    };
    expect(parseResponse(SofaPlayerSeasonStats, stats, "s").statistics.minutesPlayed).toBe(327);
    const radar = {
      attacking: 71,
      technical: 64,
      tactical: 46,
      defending: 33,
      creativity: 69,
      position: "F",
      yearShift: 0,
      id: 62847,
    };
    const attrs = {
      playerAttributeOverviews: [radar],
      averageAttributeOverviews: [{ ...radar, id: 19812 }],
    };
    expect(parseResponse(SofaAttributeOverviews, attrs, "a").playerAttributeOverviews).toHaveLength(
      1,
    );
    expect(
      parseResponse(
        SofaAttributeOverviews,
        { playerAttributeOverviews: [], averageAttributeOverviews: [] },
        "a",
      ),
    ).toEqual({ playerAttributeOverviews: [], averageAttributeOverviews: [] });
  });
});
