// The report form (anyone, limited per address) and closing a report (moderators).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { errorMessage } from '../../../http/error-handler.ts';
import { submitForm } from '../../../http/form-route.ts';
import { localeOf, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { RateLimiter } from '../../../shared/rate-limiter.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { IdParams } from '../moderation-schemas.ts';
import { ReportPage } from './report.page.tsx';
import { reportListing } from './report-listing.ts';
import { resolveReport } from './resolve-report.ts';

const ReportBody = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 5_000 })),
  message: Type.Optional(MultiLineText({ maxLength: 5_000 })),
});

export const reportsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  // Reports about listings need no account: a few per hour per address is plenty for a person.
  const reportLimit = new RateLimiter(deps.database.pool, {
    name: 'report-ip',
    points: 5,
    windowSeconds: 60 * 60,
  });

  app.get(
    '/organisations/:id/report',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const org = await getOrganisationBrief(db, request.params.id);
      return sendHtml(reply, ReportPage({ ctx: await pageFor(request, deps), organisation: org }));
    },
  );

  app.post(
    '/organisations/:id/report',
    { schema: { hide: true, params: IdParams, body: ReportBody } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const org = await getOrganisationBrief(db, request.params.id);
      const values = { reason: request.body.reason ?? '', message: request.body.message ?? '' };
      return submitForm(
        reply,
        () => reportListing({ db, limit: reportLimit, ip: request.ip }, org.id, values),
        {
          alsoShown: ['RATE_LIMITED'],
          refused: (problems, error) =>
            ReportPage({
              ctx,
              organisation: org,
              values,
              problems,
              message: error.code === 'RATE_LIMITED' ? errorMessage(ctx.t, error) : undefined,
            }),
          done: () => sendHtml(reply, ReportPage({ ctx, organisation: org, sent: true })),
        },
      );
    },
  );

  app.post(
    '/moderation/reports/:id/resolve',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      await resolveReport(signedInContext(request, deps), request.params.id);
      return reply.redirect(`/${localeOf(request)}/moderation?done=resolved`, 303);
    },
  );
};
