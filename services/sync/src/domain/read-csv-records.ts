import { parse } from "csv-parse/sync";
import type { Options } from "csv-parse/sync";

/** One CSV record and its physical line (line 1 is the header). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A line csv-parse could not read. */
export interface CsvRecordError {
  line: number;
  reason: string;
}

type ParseEvent = { kind: "record"; cells: string[] } | { kind: "error"; reason: string };

const OPTIONS: Options = {
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
  skip_records_with_error: true,
};

/**
 * Splits decoded CSV text into records with csv-parse, one record per physical line, and reports
 * broken lines instead of failing the file. football-data never quotes a line break, so a record
 * that spans lines can only come from an unbalanced quote: that line is reported (with csv-parse's
 * reason when it gives one) and parsing resumes on the next line, so one bad quote cannot swallow
 * the rest of the file. A quote inside an unquoted cell (`Nott"m`) is kept as a character. Blank
 * lines come back as `[""]` so the caller can count them; records may have any number of cells
 * (the caller compares them with the header).
 *
 * A clean file takes one csv-parse pass; only a file with a broken line is re-parsed per record.
 */
export function readCsvRecords(text: string): { records: CsvRecord[]; errors: CsvRecordError[] } {
  const lineStarts = [0];
  for (const m of text.matchAll(/\r\n|\n|\r/g)) lineStarts.push(m.index + m[0].length);
  // csv-parse yields no record for the empty remainder after a final line break.
  const physicalLines =
    lineStarts.at(-1) === text.length ? lineStarts.length - 1 : lineStarts.length;

  let skipped = false;
  const fast = parse(text, {
    ...OPTIONS,
    on_skip: () => {
      skipped = true;
      return undefined;
    },
  });
  if (!skipped && fast.length === physicalLines) {
    return { records: fast.map((cells, i) => ({ line: i + 1, cells })), errors: [] };
  }
  return readRecordsOneByOne(text, lineStarts);
}

function readRecordsOneByOne(
  text: string,
  lineStarts: number[],
): { records: CsvRecord[]; errors: CsvRecordError[] } {
  const records: CsvRecord[] = [];
  const errors: CsvRecordError[] = [];
  let fromLine = 1;
  pass: while (fromLine <= lineStarts.length) {
    const events: ParseEvent[] = [];
    // A fresh parse of the remaining text: csv-parse's `from_line` keeps the broken quote state.
    parse(text.slice(lineStarts[fromLine - 1]), {
      ...OPTIONS,
      on_record: (cells: string[]) => {
        events.push({ kind: "record", cells });
        return null;
      },
      on_skip: (err) => {
        const reason =
          err?.code === "CSV_QUOTE_NOT_CLOSED"
            ? "a quoted cell is never closed"
            : // csv-parse counts lines from where this pass started: drop its line numbers.
              (err?.message.replace(/ at line \d+/g, "") ?? "unreadable record");
        events.push({ kind: "error", reason });
        return undefined;
      },
    });
    let line = fromLine;
    for (const event of events) {
      if (event.kind === "record" && !event.cells.some((c) => /[\r\n]/.test(c))) {
        records.push({ line, cells: event.cells });
        line += 1;
        continue;
      }
      const reason =
        event.kind === "error"
          ? event.reason
          : "a quoted cell runs past the end of the line (unbalanced quote)";
      errors.push({ line, reason: `malformed CSV: ${reason}` });
      fromLine = line + 1;
      continue pass;
    }
    break;
  }
  return { records, errors };
}
