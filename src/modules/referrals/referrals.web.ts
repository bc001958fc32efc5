// Pages and form posts for referrals. Every route needs a signed-in person; a referral that is not
// theirs to see answers "not found", whoever asks.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { errorMessage } from '../../http/error-handler.ts';
import { pageContext } from '../../http/request-context.ts';
import { sendHtml } from '../../http/send-html.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { AppError } from '../../shared/errors.ts';
import type { I18nText } from '../../shared/i18n-text.ts';
import { requireSignedIn } from '../../http/signed-in.ts';
import { commonLanguages, getOrganisationBrief, getServiceBrief, getTaxonomy } from '../directory/index.ts';
import { geoReference } from '../geo/index.ts';
import { handlingOrganisations } from './referral-access.ts';
import type { ReferralContext } from './referral-context.ts';
import { type ReferralDeps, requestContext } from './referral-request.web.ts';
import { closedStatuses, referralStatuses, type ReferralStatus } from './referrals.vocabulary.ts';
import { actOnReferral, isReferralAction } from './use-cases/act-on-referral.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './use-cases/api-tokens.ts';
import { createReferral } from './use-cases/create-referral.ts';
import { listReferrals } from './use-cases/list-referrals.ts';
import { postMessage } from './use-cases/post-message.ts';
import { analyseReferrals } from './use-cases/referral-analysis.ts';
import { referralFigures } from './use-cases/referral-figures.ts';
import { viewReferral } from './use-cases/view-referral.ts';
import { withdrawConsent } from './use-cases/withdraw-consent.ts';
import { ReferralAnalysisPage } from './views/analysis-page.tsx';
import { ApiTokensPage } from './views/api-tokens-page.tsx';
import { NewReferralPage } from './views/new-referral.page.tsx';
import { ReferralFiguresPage } from './views/referral-figures.page.tsx';
import { ReferralPage } from './views/referral.page.tsx';
import { type InboxFilter, ReferralsPage } from './views/referrals-list.page.tsx';
import { MultiLineText } from '../../shared/schema-text.ts';

const id = Type.String({ maxLength: 64 });
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const longText = (maxLength: number) => Type.Optional(MultiLineText({ maxLength }));
const IdParams = Type.Object({ id });
const ActionParams = Type.Object({ id, action: Type.String({ maxLength: 20 }) });
const TokenParams = Type.Object({ id, tokenId: id });
const ListQuery = Type.Object({
  view: Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('sent')])),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('all')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
const NewQuery = Type.Object({ service: Type.Optional(id), organisation: Type.Optional(id) });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 40 })) });
const ReferralBody = Type.Object({
  service: text(64),
  organisation: text(64),
  from_organisation: text(64),
  person_name: text(200),
  languages: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 20 }),
      Type.Array(Type.String({ maxLength: 20 }), { maxItems: 40 }),
    ]),
  ),
  contact_channel: text(40),
  contact_detail: text(500),
  commune: text(20),
  theme: text(80),
  need: longText(5_000),
  urgency: text(40),
  consent_method: text(40),
  consent_purpose: longText(2_000),
  consent_until: text(20),
  intent: text(10),
});
const ActionBody = Type.Object({
  reason: text(40),
  outcome: text(40),
  reason_note: longText(5_000),
  outcome_note: longText(5_000),
});

const perPage = 25;
const openStatuses = referralStatuses.filter((s) => !closedStatuses.includes(s));

export const referralsWeb: FastifyPluginAsyncTypebox<ReferralDeps> = async (app, deps) => {
  const { config, db } = deps;
  const page = async (request: FastifyRequest) => pageContext(request, config, await deps.demoBanner());
  const context = (request: FastifyRequest): ReferralContext => {
    const { user } = requireSignedIn(request);
    return requestContext(request, deps, {
      kind: 'person',
      userId: user.id,
      email: user.email,
      emailVerified: user.emailVerifiedAt !== null,
    });
  };
  const themeNames = async () =>
    new Map<string, I18nText>([...(await getTaxonomy(db)).byCode].map(([code, term]) => [code, term.name]));

  async function referralPage(
    request: FastifyRequest,
    reply: FastifyReply,
    referralId: string,
    extra: Omit<Parameters<typeof ReferralPage>[0], 'ctx' | 'detail'> & { status?: number } = {},
  ) {
    const ctx = await page(request);
    const detail = await viewReferral(context(request), referralId);
    return sendHtml(reply, ReferralPage({ ctx, detail, ...extra }), extra.status ?? 200);
  }

  app.get('/referrals', { schema: { hide: true, querystring: ListQuery } }, async (request, reply) => {
    const ctx = await page(request);
    const view = request.query.view ?? 'received';
    const filter: InboxFilter = request.query.status ?? 'open';
    const statuses: ReferralStatus[] | undefined =
      filter === 'open' ? openStatuses : filter === 'closed' ? [...closedStatuses] : undefined;
    const pageNumber = request.query.page ?? 1;
    const list = await listReferrals(context(request), {
      direction: view,
      statuses,
      page: pageNumber,
      perPage,
    });
    return sendHtml(
      reply,
      ReferralsPage({ ctx, list, view, filter, page: pageNumber, perPage, themes: await themeNames() }),
    );
  });

  /** The form, for a service or an organisation, with what the person typed when it was refused. */
  async function newReferralPage(
    request: FastifyRequest,
    reply: FastifyReply,
    target: { service?: string; organisation?: string },
    extra: Pick<Parameters<typeof NewReferralPage>[0], 'values' | 'problems'> = {},
  ) {
    const ctx = await page(request);
    const rc = context(request);
    const service = target.service ? await getServiceBrief(db, target.service) : null;
    const organisation = await getOrganisationBrief(db, service?.organisationId ?? target.organisation ?? '');
    const ownIds = await handlingOrganisations(db, rc.actor);
    const own = await Promise.all(ownIds.map((o) => getOrganisationBrief(db, o)));
    const others = own.filter((o) => o.id !== organisation.id);
    // The service's own theme is the likely need.
    const theme = service?.themes[0];
    return sendHtml(
      reply,
      NewReferralPage({
        ctx,
        target: { organisation, service: service ? { id: service.id, name: service.name } : null },
        own: others,
        themes: (await getTaxonomy(db)).themes,
        communes: geoReference().communes,
        languages: commonLanguages,
        status: others.length ? 'form' : own.length ? 'own_organisation' : 'not_a_referrer',
        ...extra,
        values: extra.values ?? (theme ? { theme } : {}),
      }),
      extra.problems?.length ? 400 : others.length ? 200 : 403,
    );
  }

  app.get('/referrals/new', { schema: { hide: true, querystring: NewQuery } }, async (request, reply) => {
    requireSignedIn(request);
    return newReferralPage(request, reply, request.query);
  });

  app.post('/referrals/new', { schema: { hide: true, body: ReferralBody } }, async (request, reply) => {
    const ctx = await page(request);
    const body = request.body;
    const languages = body.languages === undefined ? [] : [body.languages].flat();
    try {
      const { id: referralId } = await createReferral(
        context(request),
        {
          serviceId: body.service || undefined,
          toOrganisationId: body.organisation,
          fromOrganisationId: body.from_organisation || undefined,
          personName: body.person_name,
          languages,
          contactChannel: body.contact_channel,
          contactDetail: body.contact_detail,
          communeNis: body.commune,
          themeCode: body.theme,
          need: body.need,
          urgency: body.urgency,
          consentMethod: body.consent_method,
          consentPurpose: body.consent_purpose,
          consentUntil: body.consent_until,
        },
        { send: body.intent !== 'draft' },
      );
      const done = body.intent === 'draft' ? 'drafted' : 'sent';
      return reply.redirect(`/${ctx.locale}/referrals/${referralId}?done=${done}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      const { service, organisation, ...rest } = body;
      const values = Object.fromEntries(
        Object.entries({ ...rest, languages }).filter(([, v]) => v !== undefined),
      ) as Record<string, string | string[]>;
      return newReferralPage(request, reply, { service, organisation }, { values, problems: error.fields });
    }
  });

  app.get(
    '/referrals/:id',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = await page(request);
      const done = request.query.done;
      const key = `referrals.referral.done.${done}`;
      return referralPage(request, reply, request.params.id, {
        notice: done && ctx.t.has(key) ? { text: ctx.t.t(key as MessageKey) } : undefined,
      });
    },
  );

  /** After a refused or crossed change: the referral as it is now, with the reason on top. */
  async function refused(
    request: FastifyRequest,
    reply: FastifyReply,
    referralId: string,
    error: unknown,
    values: Record<string, string>,
    failedAction?: string,
  ) {
    if (!(error instanceof AppError)) throw error;
    const ctx = await page(request);
    if (error.code === 'VALIDATION_FAILED')
      return referralPage(request, reply, referralId, {
        problems: error.fields,
        values,
        failedAction,
        status: 400,
      });
    if (error.code === 'REFERRAL_CHANGED')
      return referralPage(request, reply, referralId, {
        notice: { text: errorMessage(ctx.t, error), tone: 'warn' },
        status: 409,
      });
    throw error;
  }

  app.post(
    '/referrals/:id/messages',
    { schema: { hide: true, params: IdParams, body: Type.Object({ message: longText(10_000) }) } },
    async (request, reply) => {
      const ctx = await page(request);
      const { id: referralId } = request.params;
      try {
        await postMessage(context(request), referralId, request.body.message ?? '');
      } catch (error) {
        return refused(request, reply, referralId, error, { message: request.body.message ?? '' });
      }
      return reply.redirect(`/${ctx.locale}/referrals/${referralId}?done=message#timeline-title`, 303);
    },
  );

  app.post(
    '/referrals/:id/withdraw-consent',
    { schema: { hide: true, params: IdParams, body: Type.Object({ confirm: text(10) }) } },
    async (request, reply) => {
      const ctx = await page(request);
      const { id: referralId } = request.params;
      try {
        // Erasing cannot be undone: the form asks to tick that the person really withdrew.
        if (request.body.confirm !== 'yes') {
          const code = 'referral_confirm_withdraw';
          throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'confirm', message: code, code }] });
        }
        await withdrawConsent(context(request), referralId);
      } catch (error) {
        return refused(request, reply, referralId, error, {});
      }
      return reply.redirect(`/${ctx.locale}/referrals/${referralId}?done=consent_withdrawn`, 303);
    },
  );

  app.post(
    '/referrals/:id/:action',
    { schema: { hide: true, params: ActionParams, body: ActionBody } },
    async (request, reply) => {
      const ctx = await page(request);
      const { id: referralId, action } = request.params;
      if (!isReferralAction(action)) throw new AppError('NOT_FOUND');
      const body = request.body ?? {};
      try {
        await actOnReferral(context(request), referralId, action, {
          reason: body.reason,
          outcome: body.outcome,
          note:
            action === 'decline' ? body.reason_note : action === 'complete' ? body.outcome_note : undefined,
        });
      } catch (error) {
        const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string'));
        return refused(request, reply, referralId, error, values as Record<string, string>, action);
      }
      return reply.redirect(`/${ctx.locale}/referrals/${referralId}?done=${action}`, 303);
    },
  );

  app.get(
    '/manage/organisations/:id/referrals',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const ctx = await page(request);
      const figures = await referralFigures(context(request), request.params.id.toLowerCase());
      const organisation = await getOrganisationBrief(db, request.params.id);
      return sendHtml(reply, ReferralFiguresPage({ ctx, organisation, figures }));
    },
  );

  async function tokensPage(
    request: FastifyRequest,
    reply: FastifyReply,
    organisationId: string,
    extra: Pick<Parameters<typeof ApiTokensPage>[0], 'created' | 'notice' | 'problems'> & {
      status?: number;
    } = {},
  ) {
    const ctx = await page(request);
    const tokens = await listApiTokens(context(request), organisationId);
    const organisation = await getOrganisationBrief(db, organisationId);
    // A new token is on this page only: no cache may keep it.
    reply.header('cache-control', 'no-store');
    return sendHtml(reply, ApiTokensPage({ ctx, organisation, tokens, ...extra }), extra.status ?? 200);
  }

  app.get(
    '/manage/organisations/:id/api-tokens',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = await page(request);
      const notice = request.query.done === 'revoked' ? ctx.t.t('referrals.api_tokens.revoked') : undefined;
      return tokensPage(request, reply, request.params.id.toLowerCase(), { notice });
    },
  );

  app.post(
    '/manage/organisations/:id/api-tokens',
    { schema: { hide: true, params: IdParams, body: Type.Object({ name: text(500) }) } },
    async (request, reply) => {
      const organisationId = request.params.id.toLowerCase();
      const name = request.body.name ?? '';
      try {
        const { token } = await createApiToken(context(request), organisationId, name);
        return tokensPage(request, reply, organisationId, { created: { name: name.trim(), token } });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return tokensPage(request, reply, organisationId, { problems: error.fields, status: 400 });
      }
    },
  );

  app.post(
    '/manage/organisations/:id/api-tokens/:tokenId/revoke',
    { schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      const ctx = await page(request);
      const organisationId = request.params.id.toLowerCase();
      await revokeApiToken(context(request), organisationId, request.params.tokenId.toLowerCase());
      return reply.redirect(
        `/${ctx.locale}/manage/organisations/${organisationId}/api-tokens?done=revoked`,
        303,
      );
    },
  );

  app.get('/analysis/referrals', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await page(request);
    const { user } = requireSignedIn(request);
    // Analysts and platform admins only; for everyone else the page does not exist.
    if (user.platformRole !== 'analyst' && user.platformRole !== 'admin') throw new AppError('NOT_FOUND');
    const analysis = await analyseReferrals(db, new Date());
    const communes = new Map<string, I18nText>(geoReference().communes.map((c) => [c.nis, c.name]));
    return sendHtml(reply, ReferralAnalysisPage({ ctx, analysis, themes: await themeNames(), communes }));
  });
};
