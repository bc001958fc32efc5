// Builds the HTTP application: plugins, modules and error handling. The server, the tests and the
// benchmarks all build this same app; only server.ts listens.
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import ajvFormats from 'ajv-formats';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import fp from 'fastify-plugin';
import { type Config, encryptionKeysOf } from './config.ts';
import type { DatabaseConnection } from './db/client.ts';
import type { WebDeps } from './http/deps.ts';
import { type ErrorResponder, registerErrorHandling } from './http/error-handler.ts';
import { redactingDestination, serializeError, serializeRequest } from './http/log-redaction.ts';
import { startJobs } from './jobs.ts';
import { healthRoutes } from './http/health.ts';
import { enforceQueryRules } from './http/query-rules.ts';
import { enforceTextRules } from './http/text-rules.ts';
import { sessionPlugin } from './http/session.ts';
import { negotiateLocale } from './i18n/index.ts';
import { accountsWeb, createAccountLimits } from './modules/accounts/index.ts';
import {
  directoryApi,
  directoryWeb,
  freshnessWeb,
  isShowingDemoData,
  LiveSearchIndex,
  logoWeb,
  searchApi,
  searchWeb,
} from './modules/directory/index.ts';
import { geoApi } from './modules/geo/index.ts';
import { listingWeb, membershipWeb } from './modules/membership/index.ts';
import { moderationWeb } from './modules/moderation/index.ts';
import { outboxWeb, smtpSender, startMailDelivery } from './modules/notifications/index.ts';
import { hsdsApi } from './modules/interop/hsds.api.ts';
import { referralBadge, referralsApi, referralsWeb } from './modules/referrals/index.ts';
import { locales } from './shared/i18n-text.ts';
import { derivedKey } from './shared/field-encryption.ts';
import { RateLimiter } from './shared/rate-limiter.ts';
import { multiLineKeyword, passwordKeyword } from './shared/schema-text.ts';
import { assetRoots } from './views/assets.ts';

export interface AppOptions {
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | Record<string, unknown>;
}

export async function buildApp(
  config: Config,
  database: DatabaseConnection,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const { db } = database;
  let respondToError: ErrorResponder = async () => {};
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
  const deps: WebDeps = { db, config, demoBanner: () => isShowingDemoData(db), mailQueued: mail.nudge };
  if (config.jobs) {
    let jobs: Awaited<ReturnType<typeof startJobs>> | undefined;
    app.addHook('onReady', async () => {
      jobs = await startJobs({
        database,
        origin: config.publicUrl ?? `http://localhost:${config.port}`,
        log: app.log,
        mailQueued: mail.nudge,
        referrals: config.referrals,
      });
    });
    app.addHook('preClose', async () => jobs?.stop());
  }
  const keys = encryptionKeysOf(config);
  const limits = createAccountLimits(database.pool);
  // Reports about listings need no account: a few per hour per address is plenty for a person.
  const reportLimit = new RateLimiter(database.pool, {
    name: 'report-ip',
    points: 5,
    windowSeconds: 60 * 60,
  });
  // Each process keeps its own search index, loaded in the background and kept in step with the
  // database (see src/modules/directory/search/search-sync.ts).
  const search = new LiveSearchIndex(database, {
    onError: (error) => app.log.error({ err: error }, 'search index'),
  });
  app.addHook('onClose', () => search.close());

  respondToError = registerErrorHandling(app, deps);
  enforceQueryRules(app);

  const tileOrigin = config.tiles.url ? new URL(config.tiles.url.replace(/\{[a-z]\}/g, 'a')).origin : null;
  await app.register(helmet, {
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
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(sessionPlugin, { db, config, csrfKey: derivedKey(keys, 'csrf') });
  // After the session plugin: multipart bodies are filled in by its preValidation hook.
  enforceTextRules(app);
  await app.register(fp(healthRoutes), { db, ready: () => search.isReady });
  await app.register(referralBadge, deps);

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
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(
    async (api) => {
      await api.register(etag);
      await api.register(directoryApi, deps);
      await api.register(searchApi, { ...deps, search });
      await api.register(geoApi);
      await api.register(referralsApi, { ...deps, keys });
    },
    { prefix: '/api/v1' },
  );
  await app.register(
    async (hsds) => {
      await hsds.register(etag);
      await hsds.register(hsdsApi, { ...deps, search });
    },
    { prefix: '/api/hsds' },
  );

  for (const locale of locales) {
    await app.register(directoryWeb, { ...deps, prefix: `/${locale}` });
    await app.register(searchWeb, { ...deps, search, prefix: `/${locale}` });
    await app.register(accountsWeb, { ...deps, limits, prefix: `/${locale}` });
    await app.register(membershipWeb, { ...deps, prefix: `/${locale}` });
    await app.register(listingWeb, { ...deps, prefix: `/${locale}` });
    await app.register(freshnessWeb, { ...deps, prefix: `/${locale}` });
    await app.register(moderationWeb, { ...deps, reportLimit, prefix: `/${locale}` });
    await app.register(referralsWeb, { ...deps, keys, prefix: `/${locale}` });
    // What the platform would have e-mailed, for developers and tests; never in production.
    // Only where mail cannot leave the machine anyway: it shows reset and invitation links.
    if (config.env !== 'production' && !config.mail.smtpUrl)
      await app.register(outboxWeb, { ...deps, prefix: `/${locale}` });
  }

  await app.register(logoWeb, deps);

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    reply.header('vary', 'Accept-Language');
    return reply.redirect(`/${negotiateLocale(request.headers['accept-language'])}/`, 302);
  });

  return app;
}
