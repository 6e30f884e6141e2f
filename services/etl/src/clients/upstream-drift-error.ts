import { NonRetryableError } from "@matchday/shared";
import type * as z from "zod";

/** At most this many issues are spelled out in the message; the rest are counted. */
const MAX_LISTED_ISSUES = 10;

/**
 * An upstream answer (HTTP body or recorded file) that does not have the shape the ETL relies on.
 * Non-retryable: the same request returns the same drifted body, so another attempt cannot help;
 * the run is dead-lettered and an engineer updates the schema. `where` names the request or file
 * (`GET https://…/event/123/lineups` or a path), `issues` are zod's, each with its JSON path.
 */
export class UpstreamDriftError extends NonRetryableError {
  override name = "UpstreamDriftError";
  constructor(
    readonly where: string,
    readonly issues: readonly z.core.$ZodIssue[],
    options?: { cause?: unknown },
  ) {
    super(`drift in ${where}: ${describeIssues(issues)}`, options);
  }
}

/** A body that is not JSON at all (an HTML block page, a truncated answer): also drift. */
export class NotJsonError extends NonRetryableError {
  override name = "NotJsonError";
  constructor(
    readonly where: string,
    options?: { cause?: unknown },
  ) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : "";
    super(`drift in ${where}: the body is not JSON${reason}`, options);
  }
}

/**
 * Renders a JSON path the way a reader would write it in code: `home.players[3].statistics`.
 * The root itself is `(root)`.
 */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) {
      out += out ? `.${key}` : key;
    } else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "(root)";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid input: /, "");
  return `${formatJsonPath(issue.path)}: ${message}`;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map(describeIssue);
  const more = issues.length - listed.length;
  return more > 0 ? `${listed.join("; ")}; … and ${more} more` : listed.join("; ");
}
