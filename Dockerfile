# syntax=docker/dockerfile:1
#
# One image for every Matchday process. Compose picks the process with the command:
# `up <service>` for the six services, `migrate` for the one-shot migration.
# Matchday runs its TypeScript sources through tsx (no build step), so the runtime keeps tsx,
# a root devDependency.

# ---- deps: the workspace's node_modules, cached until a manifest or the lockfile changes ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# The pnpm that wrote the lockfile (root package.json "packageManager"; the e2e test checks they match).
RUN npm install -g pnpm@10.34.8
# Manifests only: one line per workspace package (pnpm-workspace.yaml: packages/*, services/*, test).
# A package missing here makes --frozen-lockfile fail; the compose e2e test lists the missing one.
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml ./
COPY packages/cli/package.json packages/cli/
COPY packages/model/package.json packages/model/
COPY packages/shared/package.json packages/shared/
COPY services/analytics/package.json services/analytics/
COPY services/etl/package.json services/etl/
COPY services/ml/package.json services/ml/
COPY services/predictions/package.json services/predictions/
COPY services/scheduler/package.json services/scheduler/
COPY services/sync/package.json services/sync/
COPY test/package.json test/
# --prod=false: tsx (a devDependency) runs the sources at runtime.
RUN pnpm install --frozen-lockfile --prod=false

# ---- runtime: node_modules from deps, then the sources over them ----
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
# The whole tree, so pnpm's per-package node_modules symlinks stay valid (.dockerignore keeps the
# host's node_modules out of the source copies below).
COPY --from=deps /app /app
COPY tsconfig.json ./
COPY packages ./packages
COPY services ./services
# MATCHDAY_DATA_DIR's default (.matchday): writable by the unprivileged user. Compose sets NATS_URL
# and DATABASE_URL, so no embedded nats-server or PGlite state is written there in containers.
RUN mkdir -p .matchday && chown node:node .matchday
USER node
# Node itself is the entrypoint, not `pnpm matchday`: pnpm answers SIGTERM by killing its `sh -c`
# and exiting, which orphans the CLI without a signal, so the graceful shutdown (SHUTDOWN_GRACE_MS,
# nak of in-flight tasks) never runs. This is the CLI's bin (tsx's loader, in-process) with the
# Node flags of the root "matchday" script (the e2e test keeps them equal): the same program.
ENTRYPOINT ["node", "packages/cli/bin/matchday.js"]
CMD ["up"]
