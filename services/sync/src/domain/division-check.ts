import type { ParsedMatch, RejectedRow } from "./parsed-match.js";

/**
 * Splits the rows of one league's season file into those of that league and those whose `Div` names
 * another one. A season file holds one division; a row of another (a mirror that concatenated files,
 * say) would be stored under the wrong league, so it is rejected with its line instead.
 */
export function splitByDivision(
  rows: readonly ParsedMatch[],
  league: string,
  file: string,
): { accepted: ParsedMatch[]; rejected: RejectedRow[] } {
  const accepted: ParsedMatch[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    if (row.div === league) accepted.push(row);
    else
      rejected.push({
        file,
        line: row.line,
        reason: `Div "${row.div}" is not the file's league ${league}`,
      });
  }
  return { accepted, rejected };
}

/** The rejected-row records of rows that repeat a home/away pair seen earlier in the same file. */
export function duplicateRejects(
  file: string,
  duplicates: readonly { match: ParsedMatch; firstLine: number }[],
): RejectedRow[] {
  return duplicates.map(({ match, firstLine }) => ({
    file,
    line: match.line,
    reason: `duplicate match: ${match.homeTeam} v ${match.awayTeam} already on line ${firstLine}`,
  }));
}
