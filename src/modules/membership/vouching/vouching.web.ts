// Vouching: a verified organisation speaks for an informal group it knows, shown on the group's
// listing. Verification by moderators is in their queue (moderation/verification).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { AppError } from '../../../shared/errors.ts';
import { canManageMembers, findMembershipsOfUser } from '../../access/index.ts';
import { IdParams } from '../../../http/params.ts';
import { getOrganisationBrief, vouchableKinds } from '../../directory/index.ts';
import { VouchPage } from '../../directory/views.ts';
import { findPendingClaim } from '../membership.repo.ts';
import { vouch } from './vouch.ts';

const text = Type.Optional(Type.String({ maxLength: 5_000 }));

export const vouchingWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/organisations/:id/vouch',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const { actor } = signedInContext(request, deps);
      const org = await getOrganisationBrief(db, request.params.id);
      if (!vouchableKinds.includes(org.kind)) throw new AppError('NOT_FOUND');
      const own = await findMembershipsOfUser(db, actor.userId);
      // Nobody vouches for a group they belong to or have asked to manage.
      if (own.some((m) => m.organisationId === org.id) || (await findPendingClaim(db, org.id, actor.userId)))
        throw new AppError('OWN_ORGANISATION');
      const candidates = (
        await Promise.all(
          own.filter((m) => canManageMembers(m)).map((m) => getOrganisationBrief(db, m.organisationId)),
        )
      ).filter((o) => o.verification === 'verified' && o.id !== org.id);
      return sendHtml(reply, VouchPage({ ctx: await pageFor(request, deps), organisation: org, candidates }));
    },
  );

  app.post(
    '/organisations/:id/vouch',
    { schema: { hide: true, params: IdParams, body: Type.Object({ voucher: text }) } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const org = await getOrganisationBrief(db, request.params.id);
      await vouch(signedInContext(request, deps), org.id, request.body.voucher ?? '');
      return reply.redirect(`/${ctx.locale}/organisations/${org.id}`, 303);
    },
  );
};
