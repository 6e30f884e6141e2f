import { ConfigError } from "@matchday/shared";
import { main } from "./main.js";
import { UsageError } from "./output.js";

// The `matchday` executable: exit 0 on success, 1 on failure (a config error prints one line per
// problem), 2 on a usage error. `up` keeps running until a signal.
// `matchday runs | head` closes stdout early: that is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

main(process.argv.slice(2), process.env).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof UsageError) {
      console.error(err.message);
      process.exit(err instanceof UsageError ? 2 : 1);
    }
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
