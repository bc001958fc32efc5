// Publishing a funding call and changing or withdrawing it; following a call for an organisation;
// asking for help with a call (a request on the board). Forms that work without JavaScript.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { type FormValues, one } from '../../../shared/form-values.ts';
import { type I18nText, locales, textIn } from '../../../shared/i18n-text.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { getTaxonomy } from '../../directory/index.ts';
import { themesOf } from '../posts/board.web.ts';
import { refusedValues } from '../posts/post-form.ts';
import { exchangeReaderOf } from '../posts/posts.policy.ts';
import { organisationNames } from '../posts/organisation-names.ts';
import { CallFormPage } from '../views/call-form.page.tsx';
import { CallHelpPage } from '../views/call-help.page.tsx';
import { askHelp } from './ask-help.ts';
import { callInput, callValues } from './call-form.ts';
import { callReaderOf, requireEditor } from './calls.policy.ts';
import { findCall } from './calls.repo.ts';
import { defaultCallZone } from './calls.vocabulary.ts';
import { createCall } from './create-call.ts';
import { editCall } from './edit-call.ts';
import { followCall } from './follow-call.ts';
import type { CallFormData } from './page-data.ts';
import { withdrawCall } from './withdraw-call.ts';

const line = (maxLength = 1_000) => Type.Optional(Type.String({ maxLength }));
const ticked = () =>
  Type.Optional(
    Type.Union([
      Type.String({ maxLength: 200 }),
      Type.Array(Type.String({ maxLength: 200 }), { maxItems: 500 }),
    ]),
  );
const CallBody = Type.Object({
  organisation: line(64),
  funder: line(20),
  ...Object.fromEntries(locales.map((l) => [`title.${l}`, line()])),
  ...Object.fromEntries(
    locales.map((l) => [`summary.${l}`, Type.Optional(MultiLineText({ maxLength: 12_000 }))]),
  ),
  amount_min: line(30),
  amount_max: line(30),
  informal: line(3),
  kbo_required: line(1),
  themes: ticked(),
  communes: ticked(),
  all_brussels: line(1),
  opens_at: line(30),
  closes_at: line(30),
  time_zone: line(64),
  link: line(4_000),
  version: Type.Optional(Type.String({ maxLength: 10, pattern: '^[0-9]*$' })),
});
const OrganisationBody = Type.Object({ organisation: line(64) });
const HelpBody = Type.Object({
  organisation: line(64),
  ...Object.fromEntries(locales.map((l) => [`title.${l}`, line()])),
  ...Object.fromEntries(
    locales.map((l) => [`body.${l}`, Type.Optional(MultiLineText({ maxLength: 12_000 }))]),
  ),
});

const texts = (values: FormValues, name: string): I18nText =>
  Object.fromEntries(locales.map((l) => [l, one(values[`${name}.${l}`]) ?? '']));

export const writeCallsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  async function formData(actor: Actor, editing?: CallFormData['editing']): Promise<CallFormData> {
    const [reader, taxonomy] = await Promise.all([callReaderOf(db, actor), getTaxonomy(db)]);
    return {
      publishers: reader.organisations.filter((o) => o.verified).map((o) => ({ id: o.id, name: o.name })),
      moderator: reader.moderator,
      themes: themesOf(taxonomy),
      editing,
    };
  }

  async function toEdit(request: FastifyRequest, id: string) {
    const ectx = signedInContext(request, deps);
    const [call, reader] = await Promise.all([findCall(db, id), callReaderOf(db, ectx.actor)]);
    if (!call) throw new AppError('EXCHANGE_CALL_NOT_FOUND');
    requireEditor(ectx.actor, reader, call);
    return { ectx, call, editing: { id: call.id, title: textIn(call.title, ectx.locale) } };
  }

  app.get('/exchange/calls/new', { schema: { hide: true } }, async (request, reply) => {
    const ectx = signedInContext(request, deps);
    const ctx = await pageFor(request, deps);
    const values: FormValues = { informal: 'no', all_brussels: '1', time_zone: defaultCallZone };
    return sendHtml(reply, CallFormPage({ ctx, data: await formData(ectx.actor), values }));
  });

  app.post('/exchange/calls/new', { schema: { hide: true, body: CallBody } }, async (request, reply) => {
    const ectx = signedInContext(request, deps);
    const values = request.body as FormValues;
    return submitForm(reply, () => createCall(ectx, callInput(values)), {
      redirect: ({ id }) => `/${ectx.locale}/exchange/calls/${id}?done=published`,
      refused: async (problems) => {
        const ctx = await pageFor(request, deps);
        return CallFormPage({
          ctx,
          data: await formData(ectx.actor),
          values: refusedValues(values),
          problems,
        });
      },
    });
  });

  app.get(
    '/exchange/calls/:id/edit',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const { ectx, call, editing } = await toEdit(request, request.params.id);
      const ctx = await pageFor(request, deps);
      return sendHtml(
        reply,
        CallFormPage({ ctx, data: await formData(ectx.actor, editing), values: callValues(call) }),
      );
    },
  );

  app.post(
    '/exchange/calls/:id/edit',
    { schema: { hide: true, params: IdParams, body: CallBody } },
    async (request, reply) => {
      const ectx = signedInContext(request, deps);
      const values = request.body as FormValues;
      return submitForm(reply, () => editCall(ectx, request.params.id, callInput(values)), {
        redirect: ({ id }) => `/${ectx.locale}/exchange/calls/${id}?done=edited`,
        refused: async (problems) => {
          const { call, editing } = await toEdit(request, request.params.id);
          const ctx = await pageFor(request, deps);
          const meanwhile = problems.some((p) => p.code === 'exchange_changed_meanwhile');
          const kept = { ...refusedValues(values), ...(meanwhile ? { version: String(call.version) } : {}) };
          return CallFormPage({ ctx, data: await formData(ectx.actor, editing), values: kept, problems });
        },
      });
    },
  );

  app.post(
    '/exchange/calls/:id/withdraw',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const ectx = signedInContext(request, deps);
      const { id } = await withdrawCall(ectx, request.params.id);
      return reply.redirect(`/${ectx.locale}/exchange/calls/${id}?done=withdrawn`, 303);
    },
  );

  for (const follow of [true, false])
    app.post(
      `/exchange/calls/:id/${follow ? 'follow' : 'unfollow'}`,
      { schema: { hide: true, params: IdParams, body: OrganisationBody } },
      async (request, reply) => {
        const ectx = signedInContext(request, deps);
        const { id } = await followCall(ectx, request.params.id, request.body.organisation, follow);
        return reply.redirect(
          `/${ectx.locale}/exchange/calls/${id}?done=${follow ? 'followed' : 'unfollowed'}`,
          303,
        );
      },
    );

  async function helpData(request: FastifyRequest, id: string) {
    const ectx = signedInContext(request, deps);
    const [call, reader] = await Promise.all([findCall(db, id), exchangeReaderOf(db, ectx.actor)]);
    if (!call || call.status !== 'published') throw new AppError('EXCHANGE_CALL_NOT_FOUND');
    const names = await organisationNames(db, reader.organisationIds);
    return {
      ectx,
      call,
      data: {
        call: { id: call.id, title: textIn(call.title, ectx.locale) },
        organisations: [...names].map(([oid, name]) => ({ id: oid, name })),
      },
    };
  }

  app.get(
    '/exchange/calls/:id/help',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const { ectx, data } = await helpData(request, request.params.id);
      const ctx = await pageFor(request, deps);
      const values: FormValues = {
        [`title.${ectx.locale}`]: ctx.t
          .t('exchange.calls.help_title_proposed', { title: data.call.title })
          .slice(0, 150),
      };
      return sendHtml(reply, CallHelpPage({ ctx, data, values }));
    },
  );

  app.post(
    '/exchange/calls/:id/help',
    { schema: { hide: true, params: IdParams, body: HelpBody } },
    async (request, reply) => {
      const ectx = signedInContext(request, deps);
      const values = request.body as FormValues;
      const input = {
        organisationId: one(values.organisation) || undefined,
        title: texts(values, 'title'),
        body: texts(values, 'body'),
      };
      return submitForm(reply, () => askHelp(ectx, request.params.id, input), {
        redirect: ({ postId }) => `/${ectx.locale}/exchange/${postId}?done=posted`,
        refused: async (problems) => {
          const { data } = await helpData(request, request.params.id);
          const ctx = await pageFor(request, deps);
          return CallHelpPage({ ctx, data, values: refusedValues(values), problems });
        },
      });
    },
  );
};
