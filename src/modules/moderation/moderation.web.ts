// The report form (anyone), the moderators' queue and verification (moderators), and the audit
// log (platform admins). Pages for roles a person does not have answer "not found".
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../http/deps.ts';
import { errorMessage } from '../../http/error-handler.ts';
import { pageContext } from '../../http/request-context.ts';
import { sendHtml } from '../../http/send-html.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { AppError } from '../../shared/errors.ts';
import { pageOf } from '../../shared/pagination.ts';
import { actorOf } from '../../shared/actor.ts';
import { RateLimiter } from '../../shared/rate-limiter.ts';
import { requireSignedIn } from '../../http/signed-in.ts';
import { listAudit } from '../audit/index.ts';
import { findStaleListings, findUnverifiedListings, getOrganisationBrief } from '../directory/index.ts';
import { countClaimsForModerator } from '../membership/index.ts';
import { findOpenReports, resolveReport } from './moderation.repo.ts';
import { reportListing } from './use-cases/report-listing.ts';
import { AuditPage, ModerationPage, ReportPage } from './views/moderation-pages.tsx';
import { isUuid } from '../../shared/shapes.ts';
import { MultiLineText } from '../../shared/schema-text.ts';
import { findMembershipsOfUser, isModerator, isPlatformAdmin } from '../access/index.ts';

const text = Type.Optional(Type.String({ maxLength: 5_000 }));
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const moderationWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { config, db } = deps;
  // Reports about listings need no account: a few per hour per address is plenty for a person.
  const reportLimit = new RateLimiter(deps.database.pool, {
    name: 'report-ip',
    points: 5,
    windowSeconds: 60 * 60,
  });
  const page = async (request: FastifyRequest) => pageContext(request, config, await deps.demoBanner());
  const moderator = (request: FastifyRequest) => {
    const actor = actorOf(requireSignedIn(request));
    if (!isModerator(actor)) throw new AppError('NOT_FOUND');
    return actor;
  };

  app.get(
    '/organisations/:id/report',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const org = await getOrganisationBrief(db, request.params.id);
      return sendHtml(reply, ReportPage({ ctx: await page(request), organisation: org }));
    },
  );

  app.post(
    '/organisations/:id/report',
    {
      schema: {
        hide: true,
        params: IdParams,
        body: Type.Object({ reason: text, message: Type.Optional(MultiLineText({ maxLength: 5_000 })) }),
      },
    },
    async (request, reply) => {
      const ctx = await page(request);
      const org = await getOrganisationBrief(db, request.params.id);
      const values = { reason: request.body.reason ?? '', message: request.body.message ?? '' };
      try {
        await reportListing({ db, limit: reportLimit, ip: request.ip }, org.id, values);
      } catch (error) {
        if (!(error instanceof AppError) || !['VALIDATION_FAILED', 'RATE_LIMITED'].includes(error.code))
          throw error;
        if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
        return sendHtml(
          reply,
          ReportPage({
            ctx,
            organisation: org,
            values,
            problems: error.fields,
            message: error.code === 'RATE_LIMITED' ? errorMessage(ctx.t, error) : undefined,
          }),
          error.status,
        );
      }
      return sendHtml(reply, ReportPage({ ctx, organisation: org, sent: true }));
    },
  );

  app.get(
    '/moderation',
    {
      schema: {
        hide: true,
        querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (request, reply) => {
      const actor = moderator(request);
      const ctx = await page(request);
      const now = new Date();
      const [reports, unverified, stale, pendingClaims, own] = await Promise.all([
        findOpenReports(db),
        findUnverifiedListings(db),
        findStaleListings(db, now),
        countClaimsForModerator(db, actor.userId),
        findMembershipsOfUser(db, actor.userId),
      ]);
      const ownIds = new Set(own.map((m) => m.organisationId));
      const withOrgs = await Promise.all(
        reports.map(async (r) => ({ ...r, organisation: await getOrganisationBrief(db, r.organisationId) })),
      );
      const done = request.query.done;
      const notice =
        done === 'verified' || done === 'resolved'
          ? ctx.t.t(`moderation.done.${done}` as MessageKey)
          : undefined;
      return sendHtml(
        reply,
        ModerationPage({
          ctx,
          reports: withOrgs,
          unverified: unverified.map((o) => ({ ...o, own: ownIds.has(o.id) })),
          stale,
          pendingClaims,
          notice,
        }),
      );
    },
  );

  app.post(
    '/moderation/reports/:id/resolve',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const actor = moderator(request);
      const ctx = await page(request);
      if (
        !isUuid(request.params.id) ||
        !(await resolveReport(db, request.params.id, actor.userId, new Date()))
      )
        throw new AppError('NOT_FOUND');
      return reply.redirect(`/${ctx.locale}/moderation?done=resolved`, 303);
    },
  );

  app.get(
    '/admin/audit',
    {
      schema: {
        hide: true,
        querystring: Type.Object({
          page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
          event: Type.Optional(Type.String({ maxLength: 100 })),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(requireSignedIn(request));
      if (!isPlatformAdmin(actor)) throw new AppError('NOT_FOUND');
      const ctx = await page(request);
      const perPage = 50;
      const { page: n, event } = request.query;
      const { rows, total } = await listAudit(db, { event }, { offset: (n - 1) * perPage, limit: perPage });
      const items = rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actorEmail ?? r.actorId ?? '—',
        event: r.event,
        subject: r.subjectType ? `${r.subjectType} ${r.subjectId ?? ''}` : '—',
        ip: r.ip ?? '—',
        details: Object.keys(r.details).length ? JSON.stringify(r.details) : '',
      }));
      return sendHtml(reply, AuditPage({ ctx, page: pageOf(items, total, { page: n, perPage }), event }));
    },
  );
};
