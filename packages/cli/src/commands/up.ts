import { runServices } from "@matchday/shared";
import { UsageError } from "../output.js";
import { SERVICES } from "../services.js";

/** `matchday up [<service> ...]`: the named services (default all) in this process. */
export async function upCommand(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<void> {
  const names = args.length ? args : Object.keys(SERVICES);
  const unknown = names.filter((n) => !SERVICES[n]);
  if (unknown.length)
    throw new UsageError(
      `unknown service ${unknown.join(", ")}; services: ${Object.keys(SERVICES).join(", ")}`,
    );
  const ordered = Object.keys(SERVICES).filter((n) => names.includes(n));
  await runServices(
    ordered.map((n) => SERVICES[n]!),
    env,
  );
  // runServices installed the signal handlers: the process lives until SIGTERM/SIGINT.
}
