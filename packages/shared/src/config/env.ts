import * as z from "zod";

/** A boolean environment variable: `true/false/1/0/yes/no` (never z.coerce.boolean, which reads "false" as true). */
export const BoolEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** A whole number of milliseconds. */
export const Millis = z.coerce.number().int().nonnegative();

/** An ISO-8601 instant with an explicit zone (`2024-04-05T00:00:00Z`). */
export const IsoInstantEnv = z.iso
  .datetime({ offset: true, message: "expected an ISO-8601 instant such as 2024-04-05T00:00:00Z" })
  .transform((v) => new Date(v));

/** A comma-separated list. */
export const ListEnv = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

/**
 * An empty string counts as unset (docker-compose writes `VAR=` for unset optional variables), so a
 * blank variable takes `schema`'s default, or fails as missing when it has none.
 */
export function blankAsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), schema);
}

/** An optional variable, blank counting as unset. */
export function optionalEnv<T extends z.ZodType>(schema: T) {
  return blankAsUnset(schema.optional());
}
