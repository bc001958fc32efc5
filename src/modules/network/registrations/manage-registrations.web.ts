// The organisers' list of an event's registrations, as a page and as CSV (all dates, or ?date=).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { listEventRegistrations } from './list-registrations.ts';
import { ManageRegistrationsPage } from './views/manage-registrations.page.tsx';
import { registrationsCsv } from './views/registrations-csv.ts';

const EventParams = Type.Object({ eventId: Type.String({ maxLength: 64 }) });

export const manageRegistrationsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.get(
    '/manage/events/:eventId/registrations',
    { schema: { hide: true, params: EventParams } },
    async (request, reply) => {
      const ctx = signedInContext(request, deps);
      const data = await listEventRegistrations(ctx, request.params.eventId);
      reply.header('cache-control', 'private, no-store');
      return sendHtml(reply, ManageRegistrationsPage({ ctx: await pageFor(request, deps), data }));
    },
  );

  app.get(
    '/manage/events/:eventId/registrations.csv',
    {
      schema: {
        hide: true,
        params: EventParams,
        querystring: Type.Object({ date: Type.Optional(Type.String({ maxLength: 64 })) }),
      },
    },
    async (request, reply) => {
      const ctx = signedInContext(request, deps);
      const data = await listEventRegistrations(ctx, request.params.eventId, request.query.date);
      const csv = registrationsCsv(await pageFor(request, deps), data);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="registrations.csv"')
        .header('cache-control', 'private, no-store')
        .send(csv);
    },
  );
};
