// Registering for a date (a form that works without JavaScript, with or without an account), the
// person's own page at their link (confirm, cancel, calendar file), and a signed-in person's cancel
// from the date's registration page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { errorMessage } from '../../../http/error-handler.ts';
import { submitForm } from '../../../http/form-route.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { contextAs, signedInContext } from '../../../http/use-case-context.ts';
import { type MessageKey, translator } from '../../../i18n/index.ts';
import { actorOf } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { RateLimiter } from '../../../shared/rate-limiter.ts';
import { cancelByLink, cancelOwnRegistration } from './cancel-registration.ts';
import { confirmRegistration } from './confirm-registration.ts';
import { registerForDate } from './register-for-date.ts';
import { registrationIcs } from './registration-ics.ts';
import { registerPageData, registrationPageData } from './registration-page-data.ts';
import { RegisterPage } from './views/register.page.tsx';
import { RegistrationPage } from './views/registration.page.tsx';

const DateParams = Type.Object({
  eventId: Type.String({ maxLength: 64 }),
  occurrenceId: Type.String({ maxLength: 64 }),
});
// As long as the router's maxParamLength (app.ts), so any token it lets through is looked up: a
// wrong one is "not found".
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });
const RegisterBody = Type.Object({
  // Longer than allowed, so that a long name gets its message next to the field.
  name: Type.Optional(Type.String({ maxLength: 2_000 })),
  email: Type.Optional(Type.String({ maxLength: 1_000 })),
});

export const registrationsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  // Visitors need no account: twenty registrations an hour from one address is plenty for a person.
  const limit = new RateLimiter(deps.database.pool, {
    name: 'event-registration-ip',
    points: 20,
    windowSeconds: 3600,
  });
  const visitor = (request: FastifyRequest) => ({
    ...contextAs(request, deps, request.signedIn ? actorOf(request.signedIn) : null),
    keys: deps.keys,
  });

  async function registerPage(
    request: FastifyRequest,
    params: { eventId: string; occurrenceId: string },
    extra: Omit<Parameters<typeof RegisterPage>[0], 'ctx' | 'data'> = {},
  ) {
    const ctx = await pageFor(request, deps);
    const data = await registerPageData(visitor(request), params.eventId, params.occurrenceId);
    return RegisterPage({ ctx, data, ...extra });
  }

  app.get(
    '/events/:eventId/dates/:occurrenceId/register',
    { schema: { hide: true, params: DateParams, querystring: DoneQuery } },
    async (request, reply) => {
      const page = await pageFor(request, deps);
      const done = doneNotice(page, 'network.registration.done', request.query.done)?.text;
      reply.header('cache-control', 'private, no-store');
      return sendHtml(reply, await registerPage(request, request.params, { done }));
    },
  );

  app.post(
    '/events/:eventId/dates/:occurrenceId/register',
    { schema: { hide: true, params: DateParams, body: RegisterBody } },
    async (request, reply) => {
      const ctx = { ...visitor(request), limit };
      const { eventId, occurrenceId } = request.params;
      const values = request.body;
      return submitForm(reply, () => registerForDate(ctx, { eventId, occurrenceId, ...values }), {
        alsoShown: ['ALREADY_REGISTERED', 'REGISTRATION_CLOSED', 'RATE_LIMITED', 'FORBIDDEN'],
        redirect: (outcome) =>
          // Only an address already confirmed opens the person's page at once: anyone else proves it first.
          outcome.status === 'unconfirmed'
            ? `/${ctx.locale}/events/${eventId.toLowerCase()}/dates/${occurrenceId.toLowerCase()}/register?done=check_mail`
            : `/${ctx.locale}/registrations/${outcome.token}?done=${outcome.status}`,
        refused: async (problems, error) =>
          registerPage(request, request.params, {
            values,
            problems,
            message: problems.length ? undefined : errorMessage((await pageFor(request, deps)).t, error),
          }),
      });
    },
  );

  app.post(
    '/events/:eventId/dates/:occurrenceId/register/cancel',
    { schema: { hide: true, params: DateParams } },
    async (request, reply) => {
      const ctx = { ...signedInContext(request, deps), keys: deps.keys };
      const { eventId, occurrenceId } = await cancelOwnRegistration(
        ctx,
        request.params.eventId,
        request.params.occurrenceId,
      );
      return reply.redirect(
        `/${ctx.locale}/events/${eventId}/dates/${occurrenceId}/register?done=cancelled`,
        303,
      );
    },
  );

  const sendIcs = async (request: FastifyRequest, reply: FastifyReply, token: string) => {
    const ctx = visitor(request);
    const data = await registrationPageData(ctx, token);
    const { t } = translator(ctx.locale);
    const ics = registrationIcs(
      {
        registrationId: data.id,
        title: pickText(data.event.title, ctx.locale)?.text ?? '',
        start: data.date.startsAt,
        end: data.date.endsAt,
        status: data.status,
        place: data.place,
        eventUrl: `${ctx.origin}/${ctx.locale}/events/${data.event.id}`,
        description: t('network.registration.status_line', {
          name: data.name,
          status: t(`network.registration.status.${data.status}` as MessageKey),
        }),
      },
      ctx.now,
    );
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="registration.ics"')
      .header('cache-control', 'private, no-store')
      .send(ics);
  };

  app.get(
    '/registrations/:token',
    { schema: { hide: true, params: TokenParams, querystring: DoneQuery } },
    async (request, reply) => {
      const { token } = request.params;
      if (token.endsWith('.ics')) return sendIcs(request, reply, token.slice(0, -4));
      const ctx = await pageFor(request, deps);
      const data = await registrationPageData(visitor(request), token);
      const done = doneNotice(ctx, 'network.registration.done', request.query.done)?.text;
      // The address holds the secret: no cache keeps the page, no page it links to is told it.
      reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
      return sendHtml(reply, RegistrationPage({ ctx, data, done }));
    },
  );

  for (const action of ['confirm', 'cancel'] as const)
    app.post(
      `/registrations/:token/${action}`,
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        const ctx = visitor(request);
        const { token } = request.params;
        let done: string;
        try {
          done =
            action === 'confirm'
              ? (await confirmRegistration(ctx, token)).status
              : (await cancelByLink(ctx, token), 'cancelled');
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'REGISTRATION_CLOSED') throw error;
          done = 'closed';
        }
        return reply.redirect(`/${ctx.locale}/registrations/${token}?done=${done}`, 303);
      },
    );
};
