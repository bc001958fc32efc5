// For the moderators: the organisations allowed to compose paths, allowing one, withdrawing one.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { requireSignedIn } from '../../../http/signed-in.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { actorOf } from '../../../shared/actor.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { requireModerator } from '../learning.policy.ts';
import { ComposersPage } from '../views/composers.page.tsx';
import { allowComposer } from './allow-composer.ts';
import { listComposers } from './composers.repo.ts';
import { withdrawComposer } from './withdraw-composer.ts';

const AllowBody = Type.Object({ organisation: Type.Optional(Type.String({ maxLength: 2_000 })) });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

export const composersWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  async function page(
    request: FastifyRequest,
    more: { values?: Record<string, string>; problems?: FieldProblem[]; done?: string } = {},
  ) {
    requireModerator(actorOf(requireSignedIn(request)));
    const ctx = await pageFor(request, deps);
    const composers = await Promise.all(
      (await listComposers(db)).map(async (c) => ({
        id: c.organisationId,
        name: (await getOrganisationBrief(db, c.organisationId)).name,
      })),
    );
    const done = doneNotice(ctx, 'learning.composers.done', more.done)?.text;
    return ComposersPage({ ctx, composers, ...more, done });
  }

  app.get('/paths/composers', { schema: { hide: true, querystring: DoneQuery } }, async (request, reply) =>
    sendHtml(reply, await page(request, { done: request.query.done })),
  );

  app.post('/paths/composers', { schema: { hide: true, body: AllowBody } }, async (request, reply) => {
    const ctx = signedInContext(request, deps);
    const input = request.body.organisation ?? '';
    return submitForm(reply, () => allowComposer(ctx, input), {
      redirect: () => `/${ctx.locale}/paths/composers?done=allowed`,
      refused: (problems) => page(request, { values: { organisation: input.slice(0, 500) }, problems }),
    });
  });

  app.post(
    '/paths/composers/:id/withdraw',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const ctx = signedInContext(request, deps);
      await withdrawComposer(ctx, request.params.id);
      return reply.redirect(`/${ctx.locale}/paths/composers?done=withdrawn`, 303);
    },
  );
};
