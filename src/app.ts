// Builds the HTTP application: plugins, modules and error handling. The server, the tests and the
// benchmarks all build this same app; only server.ts listens.
import { setTimeout as sleep } from 'node:timers/promises';
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import ajvFormats from 'ajv-formats';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import fp from 'fastify-plugin';
import { type Config, encryptionKeysOf } from './config.ts';
import type { DatabaseConnection } from './db/client.ts';
import type { Services, WebDeps } from './http/deps.ts';
import type { ModuleRoutes, ModuleRuntime } from './http/module-manifest.ts';
import { type ErrorResponder, registerErrorHandling } from './http/error-handler.ts';
import { redactingDestination, serializeError, serializeRequest } from './http/log-redaction.ts';
import { JobMetrics, startJobsInBackground } from './jobs.ts';
import { healthRoutes } from './http/health.ts';
import { securityHeaders } from './http/security-headers.ts';
import { enforceQueryRules } from './http/query-rules.ts';
import { shareRouteSchemas } from './http/shared-schemas.ts';
import { enforceTextRules } from './http/text-rules.ts';
import { sessionPlugin } from './http/session.ts';
import { negotiateLocale } from './i18n/index.ts';
import { resolveSession } from './modules/accounts/index.ts';
import { isShowingDemoData } from './modules/directory/index.ts';
import { modules } from './modules/index.ts';
import { smtpSender, startMailDelivery } from './modules/notifications/mail-delivery.ts';
import { locales } from './shared/i18n-text.ts';
import { derivedKey } from './shared/field-encryption.ts';
import { multiLineKeyword, passwordKeyword } from './shared/schema-text.ts';
import { sharedSerializers } from './http/shared-serializers.ts';
import { sharedValidators } from './http/shared-validators.ts';
import { requestTurns } from './http/request-turns.ts';
import { assetRoots } from './views/assets.ts';

export interface AppOptions {
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | Record<string, unknown>;
}

/** Per app, once ready: every route schema's serializer and validator made, and those that failed. */
const prepared = new WeakMap<FastifyInstance, Promise<Error[]>>();

/** The schemas that could not be compiled, once all are made (after the app is ready); for the tests. */
export function schemasPrepared(app: FastifyInstance): Promise<Error[]> {
  return prepared.get(app) ?? Promise.reject(new Error('the app is not ready'));
}

export async function buildApp(
  config: Config,
  database: DatabaseConnection,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const { db } = database;
  let respondToError: ErrorResponder = async () => {};
  const serializers = sharedSerializers();
  const validators = sharedValidators();
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            // No token, password, session id or e-mail address in any line (http/log-redaction.ts).
            serializers: { req: serializeRequest, err: serializeError },
            stream: redactingDestination(),
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    trustProxy: config.trustProxy,
    ajv: {
      customOptions: {
        allErrors: true,
        coerceTypes: 'array',
        removeAdditional: true,
        // An annotation for the text rules and the OpenAPI document, not a check of its own.
        keywords: [multiLineKeyword, passwordKeyword],
      },
      plugins: [ajvFormats as never],
    },
    // Response serializers made once per distinct schema, before ready (http/shared-serializers.ts);
    // request validators when first needed, the rest after ready (http/shared-validators.ts).
    schemaController: {
      compilersFactory: {
        buildSerializer: serializers.buildSerializer,
        buildValidator: validators.buildValidator,
      },
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A URL that cannot be decoded gets the site's page, in the reader's language (set below).
    frameworkErrors: (error, request, reply) => void respondToError(error, request, reply),
    // Request lines are noise in development; production keeps them.
    logController: new LogController({
      disableRequestLogging: config.env !== 'production' && config.logLevel !== 'debug',
    }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const mail = startMailDelivery(
    db,
    config.mail.smtpUrl ? smtpSender(config.mail.smtpUrl, config.mail.from) : null,
    (error) => app.log.error({ err: error }, 'mail delivery'),
  );
  app.addHook('onClose', () => mail.close());
  const keys = encryptionKeysOf(config);
  const base = {
    db,
    database,
    config,
    keys,
    demoBanner: () => isShowingDemoData(db),
    mailQueued: mail.nudge,
  };
  // What each module runs for the whole process (the search index), in layer order: a module
  // sees what the ones before it provide.
  const services: Partial<Services> = {};
  const runtimes: ModuleRuntime[] = [];
  for (const module of modules) {
    const runtime = module.start?.({ ...base, services, log: app.log, modules });
    if (!runtime) continue;
    Object.assign(services, runtime.services);
    runtimes.push(runtime);
    if (runtime.close) app.addHook('onClose', runtime.close);
  }
  const deps: WebDeps = { ...base, services: services as Services };
  const ready = () => serializers.prepared && runtimes.every((r) => r.ready?.() ?? true);
  const logFailure = (error: Error) => app.log.error({ err: error }, error.message);
  // Once every route is made, before the server listens; not awaited: the serializers are made while
  // the search index loads, the request validators once the process is ready (made earlier, they
  // would only delay it). A schema that cannot be made is logged with its route; the tests check that
  // none fails (`schemasPrepared`).
  let closing = false;
  const failures: Error[] = [];
  const failed = (error: Error) => {
    failures.push(error);
    logFailure(error);
  };
  app.addHook('onReady', async () => {
    const serializersMade = serializers.prepare(failed, () => closing);
    prepared.set(
      app,
      (async () => {
        while (!ready() && !closing) await sleep(100);
        await Promise.all([serializersMade, validators.prepare(failed, () => closing)]);
        return failures;
      })(),
    );
  });
  app.addHook('onClose', async () => {
    closing = true;
  });
  const jobMetrics = config.jobs ? new JobMetrics() : undefined;
  if (config.jobs) {
    let jobs: { stop(): Promise<void> } | undefined;
    // In the background once ready (jobs.ts says why); stopped before the database closes.
    app.addHook('onReady', async () => {
      jobs = startJobsInBackground({
        database,
        origin: config.publicUrl ?? `http://localhost:${config.port}`,
        config,
        log: app.log,
        mailQueued: mail.nudge,
        metrics: jobMetrics,
      });
    });
    app.addHook('preClose', async () => jobs?.stop());
  }

  respondToError = registerErrorHandling(app, deps);
  // Before any route: each distinct schema is compiled once (http/shared-schemas.ts).
  shareRouteSchemas(app);
  enforceQueryRules(app);
  // Before any route too: pages and searches start in a turn of their own (http/request-turns.ts).
  requestTurns(app);

  const tileOrigin = config.tiles.url ? new URL(config.tiles.url.replace(/\{[a-z]\}/g, 'a')).origin : null;
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(tileOrigin ? [tileOrigin] : [])],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.env === 'production' ? [] : null,
      },
    },
    // Leaflet's tiles come from another origin.
    crossOriginEmbedderPolicy: false,
    hsts: config.env === 'production',
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  // Pages and answers (a search's 30-40 KB) are compressed in one call, not through a zlib stream on
  // libuv's threads: on two cores a stream of its own cost an uncached search over HTTP 2.6 ms at
  // the median (in one call, gzip takes 0.45 ms and brotli 0.38 for 36 KB). Larger bodies stream.
  await app.register(compress, { threshold: 1024, syncThreshold: 65_536, encodings: ['br', 'gzip'] });
  await app.register(sessionPlugin, {
    config,
    csrfKey: derivedKey(keys, 'csrf'),
    resolveSession: (token) => resolveSession(db, token),
  });
  // After the session plugin: multipart bodies are filled in by its preValidation hook.
  enforceTextRules(app);
  await app.register(fp(healthRoutes), {
    database,
    ready,
    unservable: () => (serializers.failed ? 'serializers' : validators.failed ? 'validators' : null),
    problem: () => database.problem?.() ?? null,
    metricsToken: config.metricsToken,
    metrics: [...runtimes.flatMap((r) => r.metrics ?? []), ...(jobMetrics?.sources ?? [])],
  });
  for (const module of modules)
    for (const plugin of module.routes?.root ?? []) await app.register(plugin, deps);

  await app.register(fastifyStatic, {
    root: assetRoots.own,
    prefix: '/assets/',
    maxAge: '365d',
    immutable: true,
  });
  for (const [name, root] of Object.entries(assetRoots.vendor)) {
    await app.register(fastifyStatic, {
      root,
      prefix: `/assets/vendor/${name}/`,
      decorateReply: false,
      maxAge: '365d',
      immutable: true,
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Passerelle API',
        version: '1.0.0',
        description:
          'The social map of the Brussels welfare and care field. /api/v1 returns every text in nl, fr and en; ' +
          '/api/hsds is an Open Referral HSDS 3.0 read API in one language per response.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      components: {
        securitySchemes: {
          apiToken: { type: 'http', scheme: 'bearer', description: 'An organisation’s API token, psl_…' },
        },
      },
      tags: [
        { name: 'directory', description: 'Organisations, services and themes' },
        { name: 'search', description: 'Multilingual search with filters and facets' },
        { name: 'geo', description: 'Brussels communes and quartiers' },
        { name: 'hsds', description: 'Open Referral HSDS 3.0' },
        {
          name: 'referrals',
          description:
            'Referrals of one organisation, with a Bearer API token its admins create (Authorization: Bearer psl_…)',
        },
        {
          name: 'signals',
          description: 'Need signals of one organisation, with its Bearer API token (anonymous: no names)',
        },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const routesOf = (kind: keyof ModuleRoutes) => modules.flatMap((m) => m.routes?.[kind] ?? []);
  await app.register(
    async (api) => {
      // Weak: compression runs after, and one tag goes with every coding (http/entity-tag.ts).
      await api.register(etag, { weak: true });
      for (const plugin of routesOf('api')) await api.register(plugin, deps);
    },
    { prefix: '/api/v1' },
  );
  await app.register(
    async (hsds) => {
      await hsds.register(etag, { weak: true });
      for (const plugin of routesOf('hsds')) await hsds.register(plugin, deps);
    },
    { prefix: '/api/hsds' },
  );
  for (const locale of locales)
    for (const plugin of routesOf('pages')) await app.register(plugin, { ...deps, prefix: `/${locale}` });

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    reply.header('vary', 'Accept-Language');
    return reply.redirect(`/${negotiateLocale(request.headers['accept-language'])}/`, 302);
  });

  return app;
}
