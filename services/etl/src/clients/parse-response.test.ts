import { isNonRetryable } from "@matchday/shared";
import { describe, expect, it } from "vitest";

import { parseJsonText, parseResponse } from "./parse-response.js";
import { SofaLineups } from "./schemas/sofascore.js";
import { formatJsonPath, NotJsonError, UpstreamDriftError } from "./upstream-drift-error.js";

const player = (id: number, minutesPlayed: unknown) => ({
  player: { id, name: `Player ${id}` },
  teamId: 1,
  substitute: false,
  statistics: { minutesPlayed },
});

const lineups = (minutesOf3: unknown) => ({
  confirmed: true,
  home: { players: [0, 1, 2, 3].map((i) => player(i, i === 3 ? minutesOf3 : 90)) },
  away: { players: [] },
});

describe("parseResponse - upstream drift", () => {
  const url = "GET https://api.sofascore.com/api/v1/event/123/lineups";

  it("returns the parsed value when the shape holds", () => {
    expect(
      parseResponse(SofaLineups, lineups(45), url).home.players[3]?.statistics.minutesPlayed,
    ).toBe(45);
  });

  it("names the request and the exact JSON path of the drifted field", () => {
    const drift = (() => {
      try {
        parseResponse(SofaLineups, lineups("45"), url);
      } catch (err) {
        return err;
      }
    })();
    expect(drift).toBeInstanceOf(UpstreamDriftError);
    expect((drift as Error).message).toBe(
      "drift in GET https://api.sofascore.com/api/v1/event/123/lineups: home.players[3].statistics.minutesPlayed: expected number, received string",
    );
    expect(isNonRetryable(drift)).toBe(true);
    expect((drift as UpstreamDriftError).where).toBe(url);
  });

  it("lists every issue, up to ten, and counts the rest", () => {
    const bad = {
      confirmed: "yes",
      home: { players: Array.from({ length: 12 }, (_, i) => player(i, "x")) },
      away: {},
    };
    const message = (() => {
      try {
        parseResponse(SofaLineups, bad, "f.json");
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toContain("confirmed: expected boolean, received string");
    expect(message).toContain("home.players[0].statistics.minutesPlayed");
    expect(message).toMatch(/… and \d+ more$/);
  });

  it("formats paths with odd keys", () => {
    expect(formatJsonPath([])).toBe("(root)");
    expect(formatJsonPath(["a", 0, "b c", "d"])).toBe('a[0]["b c"].d');
  });
});

describe("parseJsonText", () => {
  it("fails non-retryably on a body that is not JSON, naming where", () => {
    expect(() => parseJsonText("<!DOCTYPE html><p>blocked</p>", "GET http://x/y")).toThrow(
      NotJsonError,
    );
    expect(() => parseJsonText("<!DOCTYPE html>", "GET http://x/y")).toThrow(
      /^drift in GET http:\/\/x\/y: the body is not JSON/,
    );
    expect(isNonRetryable(new NotJsonError("w"))).toBe(true);
  });
});
