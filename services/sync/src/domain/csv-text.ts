import { isUtf8 } from "node:buffer";
import { CsvFormatError } from "./csv-format-error.js";

const WINDOWS_1252 = new TextDecoder("windows-1252");

/**
 * Decodes a football-data body to text without its BOM. The files are UTF-8 (with a BOM from 2024/25
 * on); a body that is not valid UTF-8 is read as Windows-1252, the encoding older spreadsheet exports
 * use, so accented names survive instead of turning into U+FFFD.
 */
export function decodeCsvText(bytes: Buffer | string): string {
  const text =
    typeof bytes === "string"
      ? bytes
      : isUtf8(bytes)
        ? bytes.toString("utf8")
        : WINDOWS_1252.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Why `text` (already decoded) is not a football-data CSV, or undefined when it may be one: empty,
 * binary (NUL bytes), an HTML/XML page (a CSV header never starts with `<`), or a first line without
 * the `Div` and `Date` columns every football-data file has.
 */
export function describeNonCsv(text: string): string | undefined {
  const start = text.trimStart();
  if (start.length === 0) return "the body is empty, not CSV";
  if (text.includes("\u0000")) return "the body is binary, not CSV";
  if (start.startsWith("<")) {
    return /^<(!doctype\s+html|html|head|body)/i.test(start)
      ? "the body is an HTML page, not CSV"
      : "the body is markup (starts with '<'), not CSV";
  }
  const firstLine = start.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const cells = firstLine.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
  if (!cells.includes("Div") || !cells.includes("Date")) {
    return `the first line is not a football-data header (no Div and Date columns): "${firstLine.slice(0, 80)}"`;
  }
  return undefined;
}

/** Decodes and checks a body, throwing `CsvFormatError` when it is not a football-data CSV. */
export function assertFootballDataCsv(bytes: Buffer | string, file: string): string {
  const text = decodeCsvText(bytes);
  const problem = describeNonCsv(text);
  if (problem) throw new CsvFormatError(file, problem);
  return text;
}
