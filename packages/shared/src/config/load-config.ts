import type * as z from "zod";

/** A configuration that failed validation: one line per problem. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

/** Parses `source` with `schema`, or throws a ConfigError naming every bad variable. */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): Readonly<z.infer<S>> {
  const result = schema.safeParse(source);
  if (result.success) return Object.freeze(result.data);
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.length ? issue.path.join(".") : "(config)";
    const got = typeof issue.path[0] === "string" ? source[issue.path[0]] : undefined;
    const value =
      got === undefined
        ? "unset"
        : `got ${JSON.stringify(got.length > 60 ? got.slice(0, 57) + "..." : got)}`;
    return `config error: ${key}: ${issue.message} (${value})`;
  });
  throw new ConfigError(problems);
}
