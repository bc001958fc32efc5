// Pages and form posts for referrals. Every route needs a signed-in person; a referral that is not
// theirs to see answers "not found", whoever asks.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { errorMessage } from '../../http/error-handler.ts';
import { submitForm } from '../../http/form-route.ts';
import { doneNotice, type PageContext, pageContext } from '../../http/request-context.ts';
import { sendHtml } from '../../http/send-html.ts';
import { AppError } from '../../shared/errors.ts';
import type { I18nText } from '../../shared/i18n-text.ts';
import { requireSignedIn } from '../../http/signed-in.ts';
import {
  commonLanguages,
  getOrganisationBrief,
  getServiceBrief,
  getTaxonomy,
  listServices,
} from '../directory/index.ts';
import { geoReference } from '../geo/index.ts';
import { handlingOrganisations } from './referral-access.ts';
import { refreshReferralBadge } from './referral-badge.web.ts';
import { personContext, type ReferralDeps } from './referral-request.web.ts';
import { closedStatuses, referralStatuses, type ReferralStatus } from './referrals.vocabulary.ts';
import { actOnReferral, isReferralAction } from './use-cases/act-on-referral.ts';
import { createReferral } from './use-cases/create-referral.ts';
import { listReferrals } from './use-cases/list-referrals.ts';
import { postMessage } from './use-cases/post-message.ts';
import { type FollowUpStart, startReferralElsewhere } from './use-cases/refer-elsewhere.ts';
import { referralFigures } from './use-cases/referral-figures.ts';
import { viewReferral } from './use-cases/view-referral.ts';
import { withdrawConsent } from './use-cases/withdraw-consent.ts';
import { NewReferralPage } from './views/new-referral.page.tsx';
import { ReferElsewherePage } from './views/refer-elsewhere.page.tsx';
import { ReferralFiguresPage } from './views/referral-figures.page.tsx';
import { ReferralPage } from './views/referral.page.tsx';
import { type InboxFilter, ReferralsPage } from './views/referrals-list.page.tsx';
import { MultiLineText } from '../../shared/schema-text.ts';

const id = Type.String({ maxLength: 64 });
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const longText = (maxLength: number) => Type.Optional(MultiLineText({ maxLength }));
const IdParams = Type.Object({ id });
const ActionParams = Type.Object({ id, action: Type.String({ maxLength: 20 }) });
const ListQuery = Type.Object({
  view: Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('sent')])),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('all')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
const NewQuery = Type.Object({
  service: Type.Optional(id),
  organisation: Type.Optional(id),
  /** Referring elsewhere after this referral. */
  follows: Type.Optional(id),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000 })),
});
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
  quartier: text(10),
  theme: text(80),
  need: longText(5_000),
  urgency: text(40),
  consent_method: text(40),
  consent_purpose: longText(2_000),
  consent_until: text(20),
  intent: text(10),
  follows: text(64),
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
  const context = (request: FastifyRequest) => personContext(request, deps);
  const themeNames = async () =>
    new Map<string, I18nText>([...(await getTaxonomy(db)).byCode].map(([code, term]) => [code, term.name]));

  async function referralPage(
    request: FastifyRequest,
    referralId: string,
    extra: Omit<Parameters<typeof ReferralPage>[0], 'ctx' | 'detail'> = {},
  ) {
    const detail = await viewReferral(context(request), referralId);
    // Opening it marked it seen: the menu counts after that, not before.
    await refreshReferralBadge(request, db);
    const ctx = await page(request);
    return ReferralPage({ ctx, detail, ...extra });
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
    target: { service?: string; organisation?: string; follows?: string; page?: number },
    extra: Pick<Parameters<typeof NewReferralPage>[0], 'values' | 'problems'> = {},
  ) {
    const ctx = await page(request);
    const rc = context(request);
    // Referring elsewhere: first where to, then the form with what may be carried.
    const followUp = target.follows ? await startReferralElsewhere(rc, target.follows) : null;
    if (followUp && !target.service && !target.organisation)
      return sendHtml(reply, await referElsewherePage(ctx, followUp, target.page ?? 1));
    const service = target.service ? await getServiceBrief(db, target.service) : null;
    const organisation = await getOrganisationBrief(db, service?.organisationId ?? target.organisation ?? '');
    const ownIds = followUp?.fromOrganisationIds ?? (await handlingOrganisations(db, rc.actor));
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
        quartiers: geoReference().quartiers,
        languages: commonLanguages,
        status: others.length ? 'form' : own.length ? 'own_organisation' : 'not_a_referrer',
        followUp: followUp
          ? { referralId: followUp.referralId, carriedNeed: followUp.carriedNeed }
          : undefined,
        ...extra,
        values: extra.values ?? followUp?.values ?? (theme ? { theme } : {}),
      }),
      extra.problems?.length ? 400 : others.length ? 200 : 403,
    );
  }

  const elsewherePerPage = 20;
  async function referElsewherePage(ctx: PageContext, followUp: FollowUpStart, pageNumber: number) {
    const services = await listServices(
      db,
      { theme: followUp.themeCode, excludeOrganisationIds: followUp.excludedOrganisationIds },
      { page: pageNumber, perPage: elsewherePerPage },
    );
    const theme = (await themeNames()).get(followUp.themeCode) ?? { en: followUp.themeCode };
    return ReferElsewherePage({
      ctx,
      referralId: followUp.referralId,
      theme,
      choices: services.items.map((s) => ({
        serviceId: s.id,
        service: s.name,
        organisation: s.organisation.name,
      })),
      page: services,
    });
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
          quartierCode: body.quartier,
          themeCode: body.theme,
          need: body.need,
          urgency: body.urgency,
          consentMethod: body.consent_method,
          consentPurpose: body.consent_purpose,
          consentUntil: body.consent_until,
          followsReferralId: body.follows || undefined,
        },
        { send: body.intent !== 'draft' },
      );
      const done = body.intent === 'draft' ? 'drafted' : 'sent';
      return reply.redirect(`/${ctx.locale}/referrals/${referralId}?done=${done}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      const { service, organisation, follows, ...rest } = body;
      const values = Object.fromEntries(
        Object.entries({ ...rest, languages }).filter(([, v]) => v !== undefined),
      ) as Record<string, string | string[]>;
      return newReferralPage(
        request,
        reply,
        { service, organisation, follows: follows || undefined },
        { values, problems: error.fields },
      );
    }
  });

  app.get(
    '/referrals/:id',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const notice = doneNotice(await page(request), 'referrals.referral.done', request.query.done);
      return sendHtml(reply, await referralPage(request, request.params.id, { notice }));
    },
  );

  /**
   * A change to one referral: done, back to it (at `then`); refused, or crossed by the other side's
   * answer a moment before, the referral as it is now with the reason on top.
   */
  async function changeReferral(
    request: FastifyRequest,
    reply: FastifyReply,
    referralId: string,
    change: () => Promise<unknown>,
    outcome: { then: string; values: Record<string, string>; failedAction?: string },
  ) {
    const ctx = await page(request);
    return submitForm(reply, change, {
      redirect: () => `/${ctx.locale}/referrals/${referralId}${outcome.then}`,
      refused: (problems, error) =>
        referralPage(
          request,
          referralId,
          error.code === 'REFERRAL_CHANGED'
            ? { notice: { text: errorMessage(ctx.t, error), tone: 'warn' } }
            : { problems, values: outcome.values, failedAction: outcome.failedAction },
        ),
      alsoShown: ['REFERRAL_CHANGED'],
    });
  }

  app.post(
    '/referrals/:id/messages',
    { schema: { hide: true, params: IdParams, body: Type.Object({ message: longText(10_000) }) } },
    async (request, reply) => {
      const { id: referralId } = request.params;
      const message = request.body.message ?? '';
      const post = () => postMessage(context(request), referralId, message);
      return changeReferral(request, reply, referralId, post, {
        then: '?done=message#timeline-title',
        values: { message },
      });
    },
  );

  app.post(
    '/referrals/:id/withdraw-consent',
    { schema: { hide: true, params: IdParams, body: Type.Object({ confirm: text(10) }) } },
    async (request, reply) => {
      const { id: referralId } = request.params;
      const withdraw = async () => {
        // Erasing cannot be undone: the form asks to tick that the person really withdrew.
        if (request.body.confirm !== 'yes') {
          const code = 'referral_confirm_withdraw';
          throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'confirm', message: code, code }] });
        }
        await withdrawConsent(context(request), referralId);
      };
      return changeReferral(request, reply, referralId, withdraw, {
        then: '?done=consent_withdrawn',
        values: {},
      });
    },
  );

  app.post(
    '/referrals/:id/:action',
    { schema: { hide: true, params: ActionParams, body: ActionBody } },
    async (request, reply) => {
      const { id: referralId, action } = request.params;
      if (!isReferralAction(action)) throw new AppError('NOT_FOUND');
      const body = request.body ?? {};
      const act = () =>
        actOnReferral(context(request), referralId, action, {
          reason: body.reason,
          outcome: body.outcome,
          note:
            action === 'decline' ? body.reason_note : action === 'complete' ? body.outcome_note : undefined,
        });
      const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string'));
      return changeReferral(request, reply, referralId, act, {
        then: `?done=${action}`,
        values: values as Record<string, string>,
        failedAction: action,
      });
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
};
