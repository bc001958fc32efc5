// /api/v1/referrals: an organisation's own software sends and handles its referrals with an API
// token (Authorization: Bearer psl_…) that the organisation's admins create. The token acts for
// that one organisation; the rules, the audit log and the e-mails are the same as on the site.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { AppError } from '../../shared/errors.ts';
import { Enum } from '../../shared/schema-enum.ts';
import { requireApiToken } from '../access/index.ts';
import { ErrorSchema } from '../directory/index.ts';
import type { ReferralContext } from './referral-context.ts';
import { type ReferralDeps, requestContext } from './referral-request.web.ts';
import {
  consentMethods,
  contactChannels,
  declineReasons,
  eventKinds,
  outcomes,
  referralActions,
  referralStatuses,
  urgencies,
} from './referrals.vocabulary.ts';
import { actOnReferral, isReferralAction } from './use-cases/act-on-referral.ts';
import { createReferral } from './use-cases/create-referral.ts';
import { listReferrals } from './use-cases/list-referrals.ts';
import { postMessage } from './use-cases/post-message.ts';
import { viewReferral } from './use-cases/view-referral.ts';
import { withdrawConsent } from './use-cases/withdraw-consent.ts';
import { MultiLineText } from '../../shared/schema-text.ts';
import { documented as apiDocs } from '../../http/api-docs.ts';

const documented = apiDocs('referrals');

const uuid = Type.String({ format: 'uuid' });
const dateTime = Type.String({ format: 'date-time' });

const ReferralSummary = Type.Object({
  id: uuid,
  from_organisation_id: uuid,
  to_organisation_id: uuid,
  status: Enum(referralStatuses),
  theme: Type.String(),
  urgency: Enum(urgencies),
  sent_at: Type.Union([dateTime, Type.Null()]),
  updated_at: dateTime,
});

const ReferralDetailSchema = Type.Object({
  ...ReferralSummary.properties,
  service_id: Type.Union([uuid, Type.Null()]),
  commune: Type.Union([Type.String(), Type.Null()]),
  quartier: Type.Union([Type.Integer(), Type.Null()], { description: 'Monitoring des Quartiers code.' }),
  follows_referral_id: Type.Union([uuid, Type.Null()], {
    description: 'The referral after which the person was referred here ("not helped" or "came back").',
  }),
  decline_reason: Type.Union([Enum(declineReasons), Type.Null()]),
  outcome: Type.Union([Enum(outcomes), Type.Null()]),
  person: Type.Union(
    [
      Type.Object({
        name: Type.String(),
        languages: Type.Array(Type.String()),
        contact_channel: Enum(contactChannels),
        contact_detail: Type.Union([Type.String(), Type.Null()]),
        need: Type.String(),
        consent: Type.Object({
          method: Enum(consentMethods),
          purpose: Type.String(),
          until: Type.String({ format: 'date' }),
        }),
      }),
      Type.Null(),
    ],
    { description: 'Null once the person’s details were purged (consent withdrawn or retention ended).' },
  ),
  timeline: Type.Array(
    Type.Object({
      at: dateTime,
      kind: Enum(eventKinds),
      organisation_id: Type.Union([uuid, Type.Null()]),
      reason: Type.Optional(Type.String()),
      outcome: Type.Optional(Type.String()),
      text: Type.Union([Type.String(), Type.Null()]),
      linked_referral_id: Type.Optional(
        Type.Union([uuid, Type.Null()], {
          description: 'For referred_elsewhere and follows: the other referral, null when not yours to see.',
        }),
      ),
    }),
  ),
});

const NewReferral = Type.Object({
  service_id: Type.Optional(uuid),
  to_organisation_id: Type.Optional(uuid),
  person: Type.Object({
    name: Type.String({ maxLength: 200, description: 'First name or initials only.' }),
    languages: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 40 }),
    contact_channel: Type.String({ maxLength: 40 }),
    contact_detail: Type.Optional(Type.String({ maxLength: 500 })),
    commune: Type.Optional(Type.String({ maxLength: 20, description: 'NIS code, or "outside".' })),
    quartier: Type.Optional(
      Type.String({ maxLength: 10, description: 'Monitoring des Quartiers code; gives the commune.' }),
    ),
  }),
  follows_referral_id: Type.Optional(
    Type.String({
      maxLength: 64,
      description: 'Refer elsewhere after this referral of yours, which ended "not helped" or "came back".',
    }),
  ),
  theme: Type.String({ maxLength: 80 }),
  need: MultiLineText({ maxLength: 5_000 }),
  urgency: Type.String({ maxLength: 40 }),
  consent: Type.Object({
    method: Type.String({ maxLength: 40 }),
    purpose: MultiLineText({ maxLength: 2_000 }),
    until: Type.String({ maxLength: 20, description: 'YYYY-MM-DD, within a year.' }),
  }),
  send: Type.Optional(Type.Boolean({ default: true, description: 'false keeps it as a draft.' })),
});

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const security = [{ apiToken: [] }];
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const referralsApi: FastifyPluginAsyncTypebox<ReferralDeps> = async (app, deps) => {
  const { db } = deps;
  const actors = new WeakMap<FastifyRequest, ReferralContext['actor']>();

  // Every route of this plugin needs a token (the hook is scoped to the plugin).
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    actors.set(request, await requireApiToken(db, request.headers.authorization, new Date()));
  });

  const context = (request: FastifyRequest): ReferralContext => {
    const actor = actors.get(request);
    if (!actor) throw new AppError('API_TOKEN_INVALID');
    return requestContext(request, deps, actor);
  };

  const detail = async (request: FastifyRequest, id: string) => {
    const d = await viewReferral(context(request), id);
    const r = d.referral;
    return {
      id: r.id,
      from_organisation_id: r.fromOrganisationId,
      to_organisation_id: r.toOrganisationId,
      service_id: r.serviceId,
      status: r.status,
      theme: r.themeCode,
      commune: r.communeNis,
      quartier: r.quartierCode,
      follows_referral_id: r.followsReferralId,
      urgency: r.urgency,
      decline_reason: r.declineReason,
      outcome: r.outcome,
      sent_at: r.sentAt?.toISOString() ?? null,
      updated_at: r.updatedAt.toISOString(),
      person: d.person && {
        name: d.person.name,
        languages: d.person.languages,
        contact_channel: d.person.contactChannel,
        contact_detail: d.person.contactDetail,
        need: d.person.need,
        consent: {
          method: d.person.consent.method,
          purpose: d.person.consent.purpose,
          until: d.person.consent.until,
        },
      },
      timeline: d.timeline.map((e) => ({
        at: e.at.toISOString(),
        kind: e.kind,
        organisation_id: e.organisationId,
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.outcome ? { outcome: e.outcome } : {}),
        text: e.body,
        ...(e.linkedReferralId !== undefined ? { linked_referral_id: e.linkedReferralId } : {}),
      })),
    };
  };

  app.get(
    '/referrals',
    documented('Referrals sent or received by the token’s organisation, newest change first', {
      security,
      querystring: Type.Object({
        direction: Type.Optional(Enum(['received', 'sent'] as const)),
        status: Type.Optional(Enum(referralStatuses)),
        page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
        per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
      }),
      response: {
        200: Type.Object({
          data: Type.Array(ReferralSummary),
          total: Type.Integer(),
          page: Type.Integer(),
        }),
        ...errors,
      },
    }),
    async (request) => {
      const { direction = 'received', status, page = 1, per_page = 25 } = request.query;
      const list = await listReferrals(context(request), {
        direction,
        statuses: status ? [status] : undefined,
        page,
        perPage: per_page,
      });
      return {
        data: list.rows.map((r) => ({
          id: r.id,
          from_organisation_id: r.fromOrganisationId,
          to_organisation_id: r.toOrganisationId,
          status: r.status,
          theme: r.themeCode,
          urgency: r.urgency,
          sent_at: r.sentAt?.toISOString() ?? null,
          updated_at: r.updatedAt.toISOString(),
        })),
        total: list.total,
        page,
      };
    },
  );

  app.post(
    '/referrals',
    documented('Refer a person to another organisation (sent at once unless "send" is false)', {
      security,
      body: NewReferral,
      response: { 201: ReferralDetailSchema, ...errors },
    }),
    async (request, reply) => {
      const b = request.body;
      const { id } = await createReferral(
        context(request),
        {
          serviceId: b.service_id,
          toOrganisationId: b.to_organisation_id,
          personName: b.person.name,
          languages: b.person.languages,
          contactChannel: b.person.contact_channel,
          contactDetail: b.person.contact_detail,
          communeNis: b.person.commune,
          quartierCode: b.person.quartier,
          themeCode: b.theme,
          need: b.need,
          urgency: b.urgency,
          consentMethod: b.consent.method,
          consentPurpose: b.consent.purpose,
          consentUntil: b.consent.until,
          followsReferralId: b.follows_referral_id,
        },
        { send: b.send !== false },
      );
      return reply.code(201).send(await detail(request, id));
    },
  );

  app.get(
    '/referrals/:id',
    documented('One referral with the person’s details and the shared timeline', {
      security,
      params: IdParams,
      response: { 200: ReferralDetailSchema, ...errors },
    }),
    async (request) => detail(request, request.params.id),
  );

  app.post(
    '/referrals/:id/actions/:action',
    {
      schema: {
        tags: ['referrals'],
        summary: 'Send, accept, decline (with a reason), start, complete (with an outcome) or cancel',
        security,
        params: Type.Object({ id: Type.String({ maxLength: 64 }), action: Enum(referralActions) }),
        body: Type.Optional(
          Type.Object({
            reason: Type.Optional(Type.String({ maxLength: 40, description: declineReasons.join(', ') })),
            outcome: Type.Optional(Type.String({ maxLength: 40, description: outcomes.join(', ') })),
            note: Type.Optional(MultiLineText({ maxLength: 5_000 })),
          }),
        ),
        response: { 200: ReferralDetailSchema, ...errors },
      },
      // Most actions need no body; a POST without one is fine.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const { id, action } = request.params;
      if (!isReferralAction(action)) throw new AppError('NOT_FOUND');
      await actOnReferral(context(request), id, action, request.body ?? {});
      return detail(request, id);
    },
  );

  app.post(
    '/referrals/:id/messages',
    documented('Add a message to the referral’s thread', {
      security,
      params: IdParams,
      body: Type.Object({ text: MultiLineText({ maxLength: 10_000 }) }),
      response: { 201: ReferralDetailSchema, ...errors },
    }),
    async (request, reply) => {
      await postMessage(context(request), request.params.id, request.body.text);
      return reply.code(201).send(await detail(request, request.params.id));
    },
  );

  app.post(
    '/referrals/:id/withdraw-consent',
    documented('Record that the person withdrew consent: their details are purged at once', {
      security,
      params: IdParams,
      response: { 200: ReferralDetailSchema, ...errors },
    }),
    async (request) => {
      await withdrawConsent(context(request), request.params.id);
      return detail(request, request.params.id);
    },
  );
};
