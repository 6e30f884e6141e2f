import { runGenerateCommand } from "@matchday/etl";
import { UsageError } from "../output.js";

const ETL_USAGE = `matchday etl <subcommand>

  generate --season <2023-24> --gameweeks <from>-<to> --out <dir> [--seed <n>]
                                           write an offline FPL + SofaScore data set for FPL_DATA_DIR /
                                           SOFASCORE_DATA_DIR / ETL_MAPPINGS_DIR (same seed, same bytes)`;

/** True for the errors that mean "wrong arguments" (exit 2), as opposed to a failed generation. */
function isArgumentError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code ?? "";
  return (
    code.startsWith("ERR_PARSE_ARGS") ||
    (err instanceof Error && /usage: matchday etl generate|^--gameweeks/.test(err.message))
  );
}

/** `matchday etl generate …`: the offline data generator of the etl service. */
export function etlCommand(args: string[]): number {
  const [sub, ...rest] = args;
  if (sub !== "generate") {
    throw new UsageError(sub ? `unknown etl subcommand ${sub}\n\n${ETL_USAGE}` : ETL_USAGE);
  }
  try {
    runGenerateCommand(rest);
  } catch (err) {
    if (isArgumentError(err)) {
      throw new UsageError(`${(err as Error).message}\n\n${ETL_USAGE}`);
    }
    throw err;
  }
  return 0;
}
