// The signal form: members signal for their organisation, anyone else as a visitor (to the
// moderators' queue first, a few per hour per address). Works without JavaScript.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../http/deps.ts';
import { errorMessage } from '../../http/error-handler.ts';
import { submitForm } from '../../http/form-route.ts';
import { doneNotice, pageFor } from '../../http/request-context.ts';
import { sendHtml } from '../../http/send-html.ts';
import { contextAs, signedInContext } from '../../http/use-case-context.ts';
import { IdParams } from '../../http/params.ts';
import { list, one } from '../../shared/form-values.ts';
import { pickText } from '../../shared/i18n-text.ts';
import { RateLimiter } from '../../shared/rate-limiter.ts';
import { MultiLineText } from '../../shared/schema-text.ts';
import { findMembershipsOfUser } from '../access/index.ts';
import { getOrganisationBrief, getTaxonomy } from '../directory/index.ts';
import { geoReference } from '../geo/index.ts';
import type { SignalActor, SignalContext } from './signal-context.ts';
import { decideSignal } from './use-cases/decide-signal.ts';
import { listOwnSignals } from './use-cases/list-own-signals.ts';
import { listPendingSignals } from './use-cases/list-pending-signals.ts';
import { signalNeed } from './use-cases/signal-need.ts';
import { OwnSignalsPage } from './views/own-signals.page.tsx';
import { PendingSignalsPage } from './views/pending-signals.page.tsx';
import { SignalFormPage, type SignalFormData } from './views/signal-form.page.tsx';

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const SignalBody = Type.Object({
  organisation: text(64),
  themes: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 64 }),
      Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
    ]),
  ),
  'point-latitude': text(20),
  'point-longitude': text(20),
  quartier: text(10),
  commune: text(10),
  postcode: text(10),
  street: text(200),
  target_group: text(40),
  people: text(20),
  seen_on: text(20),
  // Longer than the use case allows, so that a long text gets its message next to the field.
  note: Type.Optional(MultiLineText({ maxLength: 20_000 })),
});

export const signalsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  // Visitors need no account: ten signals an hour from one address is plenty for a person.
  const visitorLimit = new RateLimiter(deps.database.pool, {
    name: 'signal-ip',
    points: 10,
    windowSeconds: 60 * 60,
  });

  /** The signed-in person's organisations; none for a visitor. */
  async function organisationsOf(request: FastifyRequest) {
    const user = request.signedIn?.user;
    if (!user) return [];
    const memberships = await findMembershipsOfUser(db, user.id);
    return Promise.all(memberships.map((m) => getOrganisationBrief(db, m.organisationId)));
  }

  async function formData(request: FastifyRequest): Promise<SignalFormData> {
    const geo = geoReference();
    return {
      organisations: (await organisationsOf(request)).map((o) => ({ id: o.id, name: o.name })),
      themes: (await getTaxonomy(db)).themes.map((theme) => ({ code: theme.code, name: theme.name })),
      communes: geo.communes,
      quartiers: geo.quartiers,
    };
  }

  /** A member signals as herself; anyone without an organisation, as a visitor. */
  function context(request: FastifyRequest, data: SignalFormData): SignalContext {
    const user = request.signedIn?.user;
    const actor: SignalActor =
      user && data.organisations.length
        ? { kind: 'person', userId: user.id, email: user.email, emailVerified: user.emailVerifiedAt !== null }
        : { kind: 'visitor' };
    return { ...contextAs(request, deps, actor), keys: deps.keys, visitorLimit };
  }

  app.get(
    '/signals/new',
    { schema: { hide: true, querystring: Type.Object({ done: text(20) }) } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const done = doneNotice(ctx, 'signals.done', request.query.done)?.text;
      return sendHtml(reply, SignalFormPage({ ctx, data: await formData(request), done }));
    },
  );

  app.post('/signals/new', { schema: { hide: true, body: SignalBody } }, async (request, reply) => {
    const ctx = await pageFor(request, deps);
    const data = await formData(request);
    const values = request.body;
    return submitForm(
      reply,
      () =>
        signalNeed(context(request, data), {
          organisationId: one(values.organisation) || undefined,
          themes: list(values.themes),
          lat: values['point-latitude'],
          lon: values['point-longitude'],
          quartier: values.quartier,
          commune: values.commune,
          postcode: values.postcode,
          street: values.street,
          targetGroup: values.target_group,
          people: values.people,
          seenOn: values.seen_on,
          note: values.note,
        }),
      {
        alsoShown: ['RATE_LIMITED'],
        refused: (problems, error) =>
          SignalFormPage({
            ctx,
            data,
            values,
            problems,
            message: error.code === 'RATE_LIMITED' ? errorMessage(ctx.t, error) : undefined,
          }),
        redirect: ({ status }) => `/${ctx.locale}/signals/new?done=${status}`,
      },
    );
  });

  /** The names a signal's codes stand for, in every language. */
  async function signalNames() {
    const geo = geoReference();
    return {
      themes: new Map([...(await getTaxonomy(db)).byCode].map(([code, term]) => [code, term.name])),
      communes: new Map(geo.communes.map((c) => [c.nis, c.name])),
      quartiers: new Map(geo.quartiers.map((q) => [q.code, q.name])),
    };
  }

  app.get(
    '/moderation/signals',
    { schema: { hide: true, querystring: Type.Object({ done: text(20) }) } },
    async (request, reply) => {
      const signals = await listPendingSignals({ ...signedInContext(request, deps), keys: deps.keys });
      const ctx = await pageFor(request, deps);
      const done = doneNotice(ctx, 'signals.queue.done', request.query.done)?.text;
      return sendHtml(reply, PendingSignalsPage({ ctx, signals, names: await signalNames(), done }));
    },
  );

  app.get(
    '/manage/organisations/:id/signals',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const signals = await listOwnSignals(
        { ...signedInContext(request, deps), keys: deps.keys },
        request.params.id,
      );
      const ctx = await pageFor(request, deps);
      const org = await getOrganisationBrief(db, request.params.id);
      const organisation = { id: org.id, name: pickText(org.name, ctx.locale)?.text ?? '' };
      return sendHtml(reply, OwnSignalsPage({ ctx, organisation, signals, names: await signalNames() }));
    },
  );

  app.post(
    '/moderation/signals/:id/:decision',
    {
      schema: {
        hide: true,
        params: Type.Object({
          ...IdParams.properties,
          decision: Type.Union([Type.Literal('publish'), Type.Literal('reject')]),
        }),
      },
    },
    async (request, reply) => {
      const publish = request.params.decision === 'publish';
      await decideSignal(signedInContext(request, deps), request.params.id, publish);
      const ctx = await pageFor(request, deps);
      return reply.redirect(
        `/${ctx.locale}/moderation/signals?done=${publish ? 'published' : 'rejected'}`,
        303,
      );
    },
  );
};
