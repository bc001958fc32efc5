# syntax=docker/dockerfile:1
# Passerelle's image: the app on Node.js, as a user without privileges, its data folder a volume.
# docs/operations.md ("Docker") says how to build and run it, how it stops and what to back up.
# Checked by `npm run lint:deploy` (test/deploy-files.test.ts); no Docker engine runs in CI.
ARG NODE_VERSION=22

# The compiled app: `npm run build` turns src/ into plain JavaScript in dist/ (with the messages,
# data files, assets and migrations beside it). It needs the development dependencies (TypeScript).
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim
# Stack traces name the bundle's lines; `node dist/cli/map-stack.js < log` gives the TypeScript files
# and lines from the source maps in dist/ (Node's --enable-source-maps held ~105 MB more: operations.md).
# Two malloc arenas, not 8 per core, and freed blocks of 128 KB and more handed back to the system:
# less resident memory (docs/operations.md, "Sizing").
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072 \
    MALLOC_TRIM_THRESHOLD_=131072 \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/passerelle
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
RUN mkdir -p /var/lib/passerelle && chown node:node /var/lib/passerelle && chmod 0700 /var/lib/passerelle
# The embedded PostgreSQL (when DATABASE_URL is unset) keeps its files here, and refuses to run as root.
VOLUME ["/var/lib/passerelle"]
USER node
EXPOSE 3000
# node is the container's main process, running the compiled JavaScript with no npm, tsx or shell
# in between: the stop signal reaches it, and it serves the requests under way, stops listening,
# stops its PostgreSQL and exits. That can take 20 s, so stop with a longer grace period (docker stop -t 30, compose's stop_grace_period).
STOPSIGNAL SIGTERM
# Liveness: 503 when the process needs a restart (its embedded PostgreSQL could not be restarted).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
