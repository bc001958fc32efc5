// The analysts' page of referrals and its CSV export: the same protected figures, for analysts and
// platform admins only; for everyone else neither exists.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { pageContext } from '../../http/request-context.ts';
import { requireSignedIn } from '../../http/signed-in.ts';
import { sendHtml } from '../../http/send-html.ts';
import { AppError } from '../../shared/errors.ts';
import type { I18nText } from '../../shared/i18n-text.ts';
import { getTaxonomy } from '../directory/index.ts';
import { geoReference } from '../geo/index.ts';
import type { ReferralDeps } from './referral-request.web.ts';
import { analyseReferrals } from './use-cases/referral-analysis.ts';
import { analysisCsv } from './views/analysis-csv.ts';
import { analysisNamers } from './views/analysis-names.ts';
import { ReferralAnalysisPage } from './views/analysis-page.tsx';

export const referralAnalysisWeb: FastifyPluginAsyncTypebox<ReferralDeps> = async (app, deps) => {
  const { config, db } = deps;

  /** The figures and their names in the reader's language, or "not found" for anyone but analysts. */
  async function analysisFor(request: FastifyRequest) {
    const { user } = requireSignedIn(request);
    if (user.platformRole !== 'analyst' && user.platformRole !== 'admin') throw new AppError('NOT_FOUND');
    const ctx = await pageContext(request, config, await deps.demoBanner());
    const analysis = await analyseReferrals(db, new Date());
    const geo = geoReference();
    const themes = new Map<string, I18nText>(
      [...(await getTaxonomy(db)).byCode].map(([code, term]) => [code, term.name]),
    );
    const names = analysisNamers(ctx, {
      themes,
      monthInProgress: analysis.monthInProgress.month,
      places: {
        communes: new Map(geo.communes.map((c) => [c.nis, c.name])),
        quartiers: new Map(geo.quartiers.map((q) => [String(q.code), q])),
      },
    });
    return { ctx, analysis, names };
  }

  app.get('/analysis/referrals', { schema: { hide: true } }, async (request, reply) => {
    const { ctx, analysis, names } = await analysisFor(request);
    return sendHtml(reply, ReferralAnalysisPage({ ctx, analysis, names }));
  });

  app.get('/analysis/referrals.csv', { schema: { hide: true } }, async (request, reply) => {
    const { ctx, analysis, names } = await analysisFor(request);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="referrals-${analysis.from}-${analysis.to}.csv"`)
      .header('cache-control', 'no-store')
      .send(analysisCsv(ctx, analysis, names));
  });
};
