/**
 * Turns vaastav's `fixtures.csv` (a CSV derivative of `GET /api/fixtures/`, see
 * `../shared/data/README.md` §2) back into the API's JSON array. Used for seasons whose raw
 * `fixtures.json` was not recorded (2023-24): the columns are the API's fields in the API's order,
 * booleans are written `True`/`False`, empty cells are null, and `stats` is a Python `repr` of the
 * API list (single quotes), which {@link parsePythonLiteral} reads back.
 */

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes, newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Reads a Python literal made of lists, dicts, single- or double-quoted strings, ints, floats,
 * True/False/None, as `repr()` writes it. Throws on anything else.
 */
export function parsePythonLiteral(text: string): unknown {
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const fail = (what: string): never => {
    throw new Error(`python literal: ${what} at offset ${i}`);
  };
  const value = (): unknown => {
    skip();
    const ch = text[i];
    if (ch === "[") {
      i++;
      const out: unknown[] = [];
      skip();
      if (text[i] === "]") {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        skip();
        if (text[i] === ",") {
          i++;
          skip();
          if (text[i] === "]") {
            i++;
            return out;
          }
        } else if (text[i] === "]") {
          i++;
          return out;
        } else fail("expected , or ]");
      }
    }
    if (ch === "{") {
      i++;
      const out: Record<string, unknown> = {};
      skip();
      if (text[i] === "}") {
        i++;
        return out;
      }
      for (;;) {
        const key = value();
        if (typeof key !== "string") fail("dict key must be a string");
        skip();
        if (text[i] !== ":") fail("expected :");
        i++;
        out[key as string] = value();
        skip();
        if (text[i] === ",") {
          i++;
        } else if (text[i] === "}") {
          i++;
          return out;
        } else fail("expected , or }");
      }
    }
    if (ch === "'" || ch === '"') {
      const quote = ch;
      i++;
      let s = "";
      while (i < text.length && text[i] !== quote) {
        if (text[i] === "\\") {
          i++;
          const esc = text[i];
          s += esc === "n" ? "\n" : esc === "t" ? "\t" : (esc ?? "");
        } else {
          s += text[i];
        }
        i++;
      }
      if (text[i] !== quote) fail("unterminated string");
      i++;
      return s;
    }
    const rest = text.slice(i);
    for (const [word, v] of [
      ["True", true],
      ["False", false],
      ["None", null],
    ] as const) {
      if (rest.startsWith(word)) {
        i += word.length;
        return v;
      }
    }
    const num = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(rest);
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    return fail("unexpected token");
  };
  const result = value();
  skip();
  if (i !== text.length) fail("trailing characters");
  return result;
}

const BOOLEAN_COLUMNS = new Set([
  "finished",
  "finished_provisional",
  "provisional_start_time",
  "started",
]);
const NUMBER_COLUMNS = new Set([
  "code",
  "event",
  "id",
  "minutes",
  "team_a",
  "team_a_score",
  "team_h",
  "team_h_score",
  "team_h_difficulty",
  "team_a_difficulty",
  "pulse_id",
]);

function cellValue(column: string, raw: string): unknown {
  if (raw === "") return column === "stats" ? [] : null;
  if (BOOLEAN_COLUMNS.has(column)) {
    if (raw === "True") return true;
    if (raw === "False") return false;
    throw new Error(`fixtures.csv: ${column} is neither True nor False: ${raw}`);
  }
  if (NUMBER_COLUMNS.has(column)) {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`fixtures.csv: ${column} is not a number: ${raw}`);
    return n;
  }
  if (column === "stats") return parsePythonLiteral(raw);
  return raw;
}

/**
 * vaastav `fixtures.csv` text → the `GET /api/fixtures/` array (unvalidated objects, one per row,
 * keys in the CSV's column order). Validate the result with the FPL `FplFixtures` schema.
 */
export function fixturesFromCsv(text: string): Record<string, unknown>[] {
  const [header, ...rows] = parseCsv(text).filter((r) => r.length > 1 || r[0] !== "");
  if (!header) throw new Error("fixtures.csv: empty file");
  return rows.map((cells, n) => {
    if (cells.length !== header.length) {
      throw new Error(
        `fixtures.csv row ${n + 2}: ${cells.length} cells, header has ${header.length}`,
      );
    }
    const out: Record<string, unknown> = {};
    header.forEach((column, k) => {
      out[column] = cellValue(column, cells[k] as string);
    });
    return out;
  });
}
