import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { sharedDataDir } from "@matchday/shared";
import { FplFixtures } from "../clients/schemas/fpl.js";
import { fixturesFromCsv, parseCsv, parsePythonLiteral } from "./fpl-fixtures-csv.js";

describe("parseCsv", () => {
  it("handles quoted cells with commas, quotes and newlines, and CRLF", () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""\nz",\n')).toEqual([
      ["a", "b", "c"],
      ["1", 'x, "y"\nz', ""],
    ]);
  });
});

describe("parsePythonLiteral", () => {
  it("reads the repr of a list of dicts", () => {
    expect(
      parsePythonLiteral(
        "[{'identifier': 'goals_scored', 'a': [{'value': 2, 'element': 355}], 'h': []}, None, True, -1.5]",
      ),
    ).toEqual([
      { identifier: "goals_scored", a: [{ value: 2, element: 355 }], h: [] },
      null,
      true,
      -1.5,
    ]);
  });

  it("rejects what is not a literal", () => {
    expect(() => parsePythonLiteral("[1, 2")).toThrow();
    expect(() => parsePythonLiteral("{'a': 1} x")).toThrow(/trailing/);
    expect(() => parsePythonLiteral("os.system('x')")).toThrow();
  });
});

describe("fixturesFromCsv on the real 2023-24 vaastav file", () => {
  const text = readFileSync(
    path.join(sharedDataDir(), "fpl", "2023-24", "csv", "fixtures.csv"),
    "utf8",
  );
  const fixtures = FplFixtures.parse(fixturesFromCsv(text));

  it("gives 380 API-shaped fixtures", () => {
    expect(fixtures).toHaveLength(380);
    expect(new Set(fixtures.map((f) => f.id)).size).toBe(380);
  });

  it("keeps the opening match as the API had it (Burnley 0–3 Man City, Haaland 2 goals)", () => {
    const first = fixtures.find((f) => f.id === 1);
    expect(first).toMatchObject({
      event: 1,
      team_h: 6,
      team_a: 13,
      team_h_score: 0,
      team_a_score: 3,
      finished: true,
      kickoff_time: "2023-08-11T19:00:00Z",
    });
    const goals = first?.stats.find((s) => s.identifier === "goals_scored");
    expect(goals?.a).toContainEqual({ value: 2, element: 355 });
  });
});
