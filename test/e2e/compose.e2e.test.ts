/**
 * docker-compose.yml, Dockerfile, .dockerignore and .env.example, checked without Docker (it does
 * not run on our machines): the files parse, every service they name exists, every variable they
 * set is one the config schemas know, and they agree with each other and with the workspace.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BaseConfig, configKeys } from "@matchday/shared";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * Variables that only some services' config schemas add (`SyncConfig = BaseConfig.extend(…)`).
 * EMPTY for now: when a service adds a variable and compose passes it, add its name here (or,
 * better, build this list from the service's schema with `configKeys`).
 */
const SERVICE_SPECIFIC_KEYS: readonly string[] = [];

/** The processes compose runs from the Matchday image, besides the one-shot `migrate`. */
const APP_SERVICES = ["scheduler", "sync", "ml", "predictions", "analytics", "etl"] as const;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string } | string;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: unknown[];
  container_name?: string;
  healthcheck?: { test?: string[] | string };
  volumes?: string[];
  restart?: string;
  stop_grace_period?: string;
  profiles?: string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

interface DockerInstruction {
  keyword: string;
  args: string;
  /** The stage's `AS` name (or its index when unnamed). */
  stage: string;
}

function readRepoFile(relative: string): string {
  return readFileSync(path.join(ROOT, relative), "utf8");
}

function loadCompose(): ComposeFile {
  const doc: unknown = parse(readRepoFile("docker-compose.yml"), { merge: true });
  if (typeof doc !== "object" || doc === null || !("services" in doc)) {
    throw new Error("docker-compose.yml has no services");
  }
  return doc as ComposeFile;
}

function service(compose: ComposeFile, name: string): ComposeService {
  const s = compose.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service ${name}`);
  return s;
}

/** A service's `environment`, as written (map or `KEY=value` list form), values as strings. */
function environmentOf(s: ComposeService): Record<string, string> {
  const env = s.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((line) => {
        const eq = line.indexOf("=");
        return eq < 0 ? [line, ""] : [line.slice(0, eq), line.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? "" : String(v)]));
}

/** A service's environment after compose's substitution from the host environment (or .env). */
function resolvedEnvironment(
  s: ComposeService,
  hostEnv: Record<string, string | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environmentOf(s)).map(([k, v]) => [k, interpolate(v, hostEnv)]),
  );
}

function dependsOn(s: ComposeService): Record<string, string | undefined> {
  const deps = s.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, "service_started"]));
  return Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, v.condition]));
}

const INTERPOLATION =
  /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Compose's variable substitution (`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$$`). */
function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(
    INTERPOLATION,
    (match, braced?: string, op?: string, arg?: string, bare?: string) => {
      if (match === "$$") return "$";
      const name = (braced ?? bare)!;
      const v = env[name];
      switch (op) {
        case ":-":
          return v ? v : (arg ?? "");
        case "-":
          return v ?? arg ?? "";
        case ":?":
        case "?":
          if (v === undefined || (op === ":?" && v === "")) throw new Error(`${name}: ${arg}`);
          return v;
        case ":+":
          return v ? (arg ?? "") : "";
        case "+":
          return v === undefined ? "" : (arg ?? "");
        default:
          return v ?? "";
      }
    },
  );
}

/** Every `${VAR…}` in the document's strings, with the default it names (if any). */
function substitutions(node: unknown, found = new Map<string, string | undefined>()) {
  if (typeof node === "string") {
    for (const m of node.matchAll(INTERPOLATION)) {
      const name = m[1] ?? m[4];
      if (name) found.set(name, m[2]?.includes("-") ? m[3] : undefined);
    }
  } else if (Array.isArray(node)) {
    for (const item of node) substitutions(item, found);
  } else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      substitutions(k, found);
      substitutions(v, found);
    }
  }
  return found;
}

/** A compose duration (`30s`, `1m30s`, `500ms`) in milliseconds. */
function durationMs(text: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, us: 1e-3 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(h|ms|us|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text) {
    throw new Error(`not a compose duration: ${text}`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
}

/** `KEY=value` lines of a dotenv file (comments and blank lines skipped). */
function parseDotenv(text: string): Record<string, string> {
  const entries: [string, string][] = [];
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) entries.push([m[1]!, m[2]!.replace(/^(["'])(.*)\1$/, "$2")]);
  }
  return Object.fromEntries(entries);
}

/** Dockerfile instructions (continuations joined, comments and directives dropped). */
function parseDockerfile(text: string): DockerInstruction[] {
  const logical: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && pending === "")) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(pending + line);
    pending = "";
  }
  const instructions: DockerInstruction[] = [];
  let stage = "";
  let stages = 0;
  for (const line of logical) {
    const [keyword = "", ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    if (keyword.toUpperCase() === "FROM") {
      stage = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? String(stages);
      stages += 1;
    }
    instructions.push({ keyword: keyword.toUpperCase(), args, stage });
  }
  return instructions;
}

/** An exec-form (`["a", "b"]`) instruction argument. */
function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === "string")) {
    throw new Error(`not exec form: ${args}`);
  }
  return parsed as string[];
}

interface CopyInstruction {
  from?: string;
  sources: string[];
  dest: string;
}

function copyOf(instruction: DockerInstruction): CopyInstruction {
  const tokens = instruction.args.split(/\s+/);
  const flags = tokens.filter((t) => t.startsWith("--"));
  const paths = tokens.filter((t) => !t.startsWith("--"));
  const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
  return { from, sources: paths.slice(0, -1), dest: paths.at(-1) ?? "" };
}

/** The repository paths a COPY writes (`a/b/package.json` into `a/b/` is `a/b/package.json`). */
function copiedPaths(copy: CopyInstruction): string[] {
  return copy.sources.map((src) => {
    const target = copy.dest.endsWith("/")
      ? path.posix.join(copy.dest, path.posix.basename(src))
      : copy.dest;
    return path.posix.normalize(target);
  });
}

/** Every workspace package's `package.json`, from pnpm-workspace.yaml's `packages` globs. */
function workspaceManifests(): string[] {
  const workspace = parse(readRepoFile("pnpm-workspace.yaml")) as { packages?: string[] };
  const manifests: string[] = [];
  for (const pattern of workspace.packages ?? []) {
    const dirs = pattern.endsWith("/*")
      ? readdirSync(path.join(ROOT, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => path.posix.join(pattern.slice(0, -2), d.name))
      : [pattern];
    for (const dir of dirs) {
      const manifest = path.posix.join(dir, "package.json");
      if (existsSync(path.join(ROOT, manifest))) manifests.push(manifest);
    }
  }
  return manifests.sort();
}

function rootPackageJson(): { packageManager?: string; scripts?: Record<string, string> } {
  return JSON.parse(readRepoFile("package.json")) as {
    packageManager?: string;
    scripts?: Record<string, string>;
  };
}

/** The services that run the Matchday image (the six plus migrate): they read BaseConfig. */
function matchdayServices(compose: ComposeFile): [string, ComposeService][] {
  const image = service(compose, "sync").image;
  return Object.entries(compose.services).filter(([, s]) => s.image === image && s.build);
}

const KNOWN_KEYS = new Set([...configKeys(BaseConfig), ...SERVICE_SPECIFIC_KEYS]);

describe("docker-compose.yml", () => {
  const compose = loadCompose();

  it("compose - names the infrastructure, the one-shot migration, the tools and the six services", () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ["nats", "postgres", "migrate", "nats-box", ...APP_SERVICES].sort(),
    );
  });

  it("compose - runs one container per services/ directory, each with `up <its name>`", () => {
    const serviceDirs = readdirSync(path.join(ROOT, "services"), { withFileTypes: true })
      .filter(
        (d) => d.isDirectory() && existsSync(path.join(ROOT, "services", d.name, "package.json")),
      )
      .map((d) => d.name)
      .sort();
    expect(serviceDirs).toEqual([...APP_SERVICES].sort());
    for (const name of APP_SERVICES) {
      expect(service(compose, name).command, name).toEqual(["up", name]);
      expect(existsSync(path.join(ROOT, "services", name, "package.json")), name).toBe(true);
    }
    expect(service(compose, "migrate").command).toEqual(["migrate"]);
  });

  it("compose - app services start after NATS is healthy and the migration has exited 0", () => {
    for (const name of APP_SERVICES) {
      const s = service(compose, name);
      expect(dependsOn(s), name).toEqual({
        nats: "service_healthy",
        migrate: "service_completed_successfully",
      });
      expect(s.restart, name).toBe("unless-stopped");
    }
    const migrate = service(compose, "migrate");
    expect(dependsOn(migrate)).toEqual({ postgres: "service_healthy" });
    expect(migrate.restart).toBe("no");
  });

  it("compose - every depends_on names a service and the graph has no cycle", () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (name: string, trail: string[]): void => {
      if (done.has(name)) return;
      if (visiting.has(name)) throw new Error(`depends_on cycle: ${[...trail, name].join(" -> ")}`);
      visiting.add(name);
      for (const dep of Object.keys(dependsOn(service(compose, name)))) {
        expect(compose.services, `${name} depends on ${dep}`).toHaveProperty(dep);
        visit(dep, [...trail, name]);
      }
      visiting.delete(name);
      done.add(name);
    };
    for (const name of Object.keys(compose.services)) visit(name, []);
    expect(done.size).toBe(Object.keys(compose.services).length);
  });

  it("compose - app services can be scaled (no container_name, no host ports)", () => {
    for (const [name, s] of matchdayServices(compose)) {
      expect(s.container_name, name).toBeUndefined();
      expect(s.ports, name).toBeUndefined();
    }
    expect(
      matchdayServices(compose)
        .map(([name]) => name)
        .sort(),
    ).toEqual(["migrate", ...APP_SERVICES].sort());
  });

  it("compose - sets only variables the config schemas know", () => {
    const services = [
      ...matchdayServices(compose),
      ["nats-box", service(compose, "nats-box")] as const,
    ];
    for (const [name, s] of services) {
      const unknown = Object.keys(environmentOf(s)).filter((k) => !KNOWN_KEYS.has(k));
      expect(unknown, `${name} sets variables no config schema reads`).toEqual([]);
    }
  });

  it("compose - each service's environment parses with BaseConfig, with and without .env", () => {
    const dotenv = parseDotenv(readRepoFile(".env.example"));
    for (const hostEnv of [{}, dotenv]) {
      for (const [name, s] of matchdayServices(compose)) {
        const result = BaseConfig.safeParse(resolvedEnvironment(s, hostEnv));
        expect(result.error?.issues, name).toBeUndefined();
        expect(result.data?.NATS_URL, name).toBe("nats://nats:4222");
        expect(result.data?.DATABASE_URL, name).toMatch(/@postgres:5432\//);
      }
    }
  });

  it("compose - SHUTDOWN_GRACE_MS ends before Docker's SIGKILL (stop_grace_period)", () => {
    for (const [name, s] of matchdayServices(compose)) {
      const graceMs = BaseConfig.parse(resolvedEnvironment(s, {})).SHUTDOWN_GRACE_MS;
      expect(s.stop_grace_period, name).toBeDefined();
      const stopMs = durationMs(s.stop_grace_period!);
      // Room for draining NATS, closing the pool and flushing logs after the handlers' grace.
      expect(graceMs, name).toBeLessThanOrEqual(stopMs - 2_000);
    }
  });

  it("compose - NATS runs JetStream with its store on a volume and a JetStream healthcheck", () => {
    const nats = service(compose, "nats");
    const command = Array.isArray(nats.command) ? nats.command : (nats.command ?? "").split(/\s+/);
    expect(command).toContain("-js");
    const storeDir =
      command[command.indexOf("-sd") + 1] ?? command[command.indexOf("--store_dir") + 1];
    expect(storeDir).toBeDefined();
    const mounts = (nats.volumes ?? []).map((v) => v.split(":"));
    const store = mounts.find(([, target]) => target === storeDir);
    expect(store, `a volume mounted on ${storeDir}`).toBeDefined();
    expect(compose.volumes ?? {}).toHaveProperty(store![0]!);

    const monitorPort = command[command.indexOf("-m") + 1];
    const test = [nats.healthcheck?.test ?? []].flat().join(" ");
    expect(test).toContain(`:${monitorPort}/healthz?js-enabled-only=true`);
  });

  it("compose - PostgreSQL has a pg_isready healthcheck for the database the services use", () => {
    const postgres = service(compose, "postgres");
    const test = [postgres.healthcheck?.test ?? []].flat().join(" ");
    expect(test).toContain("pg_isready");
    const env = environmentOf(postgres);
    const url = new URL(environmentOf(service(compose, "sync")).DATABASE_URL ?? "");
    expect(decodeURIComponent(url.username)).toBe(env.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(env.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${env.POSTGRES_DB}`);
    expect(test).toContain(`-d ${env.POSTGRES_DB}`);
    const mounts = (postgres.volumes ?? []).map((v) => v.split(":"));
    expect(mounts.map(([, target]) => target)).toContain("/var/lib/postgresql/data");
  });

  it("compose - nats-box is an opt-in tool with the NATS URL", () => {
    const box = service(compose, "nats-box");
    expect(box.profiles).toEqual(["tools"]);
    expect(environmentOf(box).NATS_URL).toBe("nats://nats:4222");
  });

  it("compose - every named volume is declared", () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const volume of s.volumes ?? []) {
        const source = volume.split(":")[0]!;
        if (source.startsWith(".") || source.startsWith("/")) continue; // a bind mount
        expect(compose.volumes ?? {}, `${name}: ${volume}`).toHaveProperty(source);
      }
    }
  });

  it("compose - every ${VAR} it substitutes is in .env.example with the same default", () => {
    const dotenv = parseDotenv(readRepoFile(".env.example"));
    const used = substitutions(compose);
    expect(used.size).toBeGreaterThan(0);
    for (const [name, fallback] of used) {
      expect(dotenv, `.env.example lists ${name}`).toHaveProperty(name);
      expect(dotenv[name], name).toBe(fallback ?? "");
    }
  });

  it("compose - builds the repository's Dockerfile from the repository root", () => {
    for (const [name, s] of matchdayServices(compose)) {
      const build = typeof s.build === "string" ? { context: s.build } : (s.build ?? {});
      expect(path.resolve(ROOT, build.context ?? "."), name).toBe(path.resolve(ROOT));
      expect(existsSync(path.join(ROOT, build.dockerfile ?? "Dockerfile")), name).toBe(true);
    }
  });
});

describe("Dockerfile", () => {
  const instructions = parseDockerfile(readRepoFile("Dockerfile"));
  const stages = [...new Set(instructions.map((i) => i.stage))];
  const finalStage = stages.at(-1)!;
  const inFinal = instructions.filter((i) => i.stage === finalStage);
  const last = (keyword: string) => inFinal.filter((i) => i.keyword === keyword).at(-1);

  it("dockerfile - every stage is on the Node major of .nvmrc", () => {
    const major = readRepoFile(".nvmrc").trim().replace(/^v/, "").split(".")[0];
    const froms = instructions.filter((i) => i.keyword === "FROM");
    expect(froms.length).toBeGreaterThanOrEqual(2); // multi-stage
    for (const from of froms) expect(from.args).toMatch(new RegExp(`^node:${major}[-.]`));
  });

  it("dockerfile - the entrypoint is the matchday CLI run directly by node, `up` by default", () => {
    // Not `pnpm matchday`: pnpm kills its `sh -c` on SIGTERM and exits, leaving the CLI
    // unsignalled, so graceful shutdown would never run (see the Dockerfile's comment).
    const entrypoint = execForm(last("ENTRYPOINT")!.args);
    const bin = (
      JSON.parse(readRepoFile("packages/cli/package.json")) as { bin?: Record<string, string> }
    ).bin?.matchday;
    expect(bin).toBeDefined();
    expect(entrypoint[0]).toBe("node");
    expect(entrypoint.at(-1)).toBe(path.posix.join("packages/cli", bin!));
    expect(existsSync(path.join(ROOT, entrypoint.at(-1)!))).toBe(true);
    // The same Node flags as the root `pnpm matchday` script.
    const script = rootPackageJson().scripts?.matchday ?? "";
    const scriptConditions = script.split(/\s+/).filter((t) => t.startsWith("--conditions"));
    expect(entrypoint.filter((t) => t.startsWith("--conditions"))).toEqual(scriptConditions);
    expect(execForm(last("CMD")!.args)).toEqual(["up"]);
  });

  it("dockerfile - the runtime runs unprivileged in production mode", () => {
    expect(last("USER")?.args).toBe("node");
    expect(inFinal.some((i) => i.keyword === "ENV" && /\bNODE_ENV=production\b/.test(i.args))).toBe(
      true,
    );
  });

  it("dockerfile - every COPY source exists in the repository", () => {
    const copies = instructions.filter((i) => i.keyword === "COPY").map(copyOf);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies.filter((c) => c.from === undefined)) {
      for (const source of copy.sources.filter((s) => !/[*?[]/.test(s))) {
        expect(existsSync(path.join(ROOT, source)), source).toBe(true);
      }
    }
  });

  it("dockerfile - installs with the lockfile after copying every workspace manifest", () => {
    const install = instructions.findIndex(
      (i) => i.keyword === "RUN" && /\bpnpm install\b/.test(i.args),
    );
    expect(install).toBeGreaterThanOrEqual(0);
    expect(instructions[install]!.args).toContain("--frozen-lockfile");
    const stage = instructions[install]!.stage;
    const copied = instructions
      .slice(0, install)
      .filter((i) => i.stage === stage && i.keyword === "COPY")
      .flatMap((i) => copiedPaths(copyOf(i)));
    const needed = [
      "package.json",
      "pnpm-workspace.yaml",
      "pnpm-lock.yaml",
      ...workspaceManifests(),
    ];
    expect(needed.filter((m) => !copied.includes(m))).toEqual([]);
    // The final stage takes the whole installed tree from that stage (pnpm's links stay valid).
    expect(
      inFinal.some(
        (i) => i.keyword === "COPY" && copyOf(i).from === stage && copyOf(i).sources[0] === "/app",
      ),
    ).toBe(true);
  });

  it("dockerfile - installs the pnpm of package.json's packageManager", () => {
    const pinned = rootPackageJson().packageManager?.replace(/\+.*$/, "");
    expect(pinned).toMatch(/^pnpm@\d+\.\d+\.\d+$/);
    const installs = instructions.filter((i) => i.keyword === "RUN" && /\bpnpm@/.test(i.args));
    expect(installs.length).toBeGreaterThan(0);
    for (const run of installs) expect(run.args.match(/pnpm@[^\s]+/)?.[0]).toBe(pinned);
  });
});

describe(".dockerignore", () => {
  const patterns = readRepoFile(".dockerignore")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));

  it("dockerignore - keeps every node_modules and local state out of the build context", () => {
    // `node_modules` alone matches only the root one; the packages' own would overwrite the
    // image's links when the sources are copied.
    for (const p of ["**/node_modules", ".git", "**/.matchday", ".env"])
      expect(patterns).toContain(p);
  });

  it("dockerignore - does not exclude anything the Dockerfile copies", () => {
    const sources = parseDockerfile(readRepoFile("Dockerfile"))
      .filter((i) => i.keyword === "COPY")
      .map(copyOf)
      .filter((c) => c.from === undefined)
      .flatMap((c) => c.sources);
    const excluded = new Set(patterns.filter((p) => !p.startsWith("!")));
    expect(sources.filter((s) => excluded.has(s) || excluded.has(path.posix.basename(s)))).toEqual(
      [],
    );
  });
});

describe(".env.example", () => {
  const text = readRepoFile(".env.example");
  const dotenv = parseDotenv(text);

  it("env-example - lists every BaseConfig variable", () => {
    expect(configKeys(BaseConfig).filter((k) => !(k in dotenv))).toEqual([]);
  });

  it("env-example - its values are the schema's defaults", () => {
    const known = Object.fromEntries(Object.entries(dotenv).filter(([k]) => KNOWN_KEYS.has(k)));
    expect(BaseConfig.parse(known)).toEqual(BaseConfig.parse({}));
  });

  it("env-example - sets only config variables and compose's own substitutions", () => {
    const composeVars = substitutions(loadCompose());
    const stray = Object.keys(dotenv).filter((k) => !KNOWN_KEYS.has(k) && !composeVars.has(k));
    expect(stray).toEqual([]);
  });

  it("env-example - service-only variables are commented out and name a service that exists", () => {
    const lines = text.split("\n");
    const commented = lines
      .map((line, i) => ({ key: /^#\s*([A-Z][A-Z0-9_]*)=/.exec(line)?.[1], i }))
      .filter((c): c is { key: string; i: number } => c.key !== undefined);
    expect(commented.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        "FOOTBALL_DATA_URL",
        "FOOTBALL_DATA_DIR",
        "FPL_API_URL",
        "FPL_DATA_DIR",
        "SOFASCORE_API_URL",
        "SOFASCORE_DATA_DIR",
        "MATCHDAY_SCHEDULES",
      ]),
    );
    for (const { key, i } of commented) {
      const note = `${lines[i - 1] ?? ""} ${lines[i] ?? ""}`;
      const owner = /\(read by the ([a-z-]+) service\)/.exec(note)?.[1];
      expect(owner, key).toBeDefined();
      expect(existsSync(path.join(ROOT, "services", owner!, "package.json")), key).toBe(true);
    }
  });
});

describe("README against docker-compose", () => {
  const readme = readRepoFile("README.md");
  const compose = loadCompose();

  it("readme - the two commands are there: run it (compose, and without Docker) and test it", () => {
    expect(readme).toMatch(/^docker compose up\s/m);
    expect(readme).toMatch(/pnpm install && pnpm matchday up/);
    expect(readme).toMatch(/^pnpm test\s/m);
    expect(readme).toMatch(/bash \.ci\/run/);
    const pkg = JSON.parse(readRepoFile("package.json")) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toMatch(/vitest run/);
    expect(readRepoFile(".ci/run")).toMatch(/^pnpm test$/m);
  });

  it("readme - the services it names to scale exist in compose, and nats-box is reached through its profile", () => {
    for (const m of readme.matchAll(/--scale (\w+)=\d+/g))
      expect(Object.keys(compose.services)).toContain(m[1]);
    const box = service(compose, "nats-box") as ComposeService & { profiles?: string[] };
    const profile = /docker compose --profile (\w+) run --rm nats-box/.exec(readme)?.[1];
    expect(profile).toBeDefined();
    expect(box.profiles).toContain(profile);
  });

  it("readme - every nats pub subject it shows is a task subject of the catalog", async () => {
    const { catalog, createTopology } = await import("@matchday/shared");
    const t = createTopology();
    const subjects = new Set(catalog.map((d) => t.taskSubject(d)));
    const shown = [...readme.matchAll(/nats pub (?:-J )?(task\.[a-z_.]+)/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(2);
    for (const s of shown) expect(subjects).toContain(s);
  });
});

describe("service-only configuration is documented", () => {
  it("config - every variable a service's own schema reads is in .env.example and the README", async () => {
    const keys = [
      ...(await import("@matchday/sync")).SYNC_CONFIG_KEYS,
      ...(await import("@matchday/ml")).ML_CONFIG_KEYS,
      ...(await import("@matchday/predictions")).PREDICTIONS_CONFIG_KEYS,
      ...(await import("@matchday/analytics")).ANALYTICS_CONFIG_KEYS,
      ...(await import("@matchday/etl")).ETL_CONFIG_KEYS,
      ...(await import("@matchday/scheduler")).SCHEDULER_CONFIG_KEYS,
    ];
    expect(keys.length).toBeGreaterThan(20);
    const envExample = readRepoFile(".env.example");
    const readme = readRepoFile("README.md");
    for (const k of keys) {
      expect(envExample, `.env.example lacks ${k}`).toMatch(new RegExp(`^# ${k}=`, "m"));
      expect(readme, `README lacks ${k}`).toContain(`\`${k}\``);
    }
  });
});
