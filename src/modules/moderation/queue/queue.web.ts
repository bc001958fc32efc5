// The moderators' queue: open reports, listings waiting for verification, stale listings and the
// number of claims waiting. To anyone but a moderator it does not exist.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { requireSignedIn } from '../../../http/signed-in.ts';
import { actorOf } from '../../../shared/actor.ts';
import { findMembershipsOfUser } from '../../access/index.ts';
import { findStaleListings, findUnverifiedListings, getOrganisationBrief } from '../../directory/index.ts';
import { countClaimsForModerator, findClaims } from '../../membership/index.ts';
import { requireModerator } from '../moderation.policy.ts';
import { findOpenReports } from '../reports/reports.repo.ts';
import { ModerationPage } from './queue.page.tsx';
import { signedInContext } from '../../../http/use-case-context.ts';
import { verifyListing } from '../verification/verify-listing.ts';

const QueueQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const VerifyBody = Type.Object({ verified: Type.Optional(Type.String({ maxLength: 5 })) });

export const queueWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  app.get('/moderation', { schema: { hide: true, querystring: QueueQuery } }, async (request, reply) => {
    const actor = actorOf(requireSignedIn(request));
    requireModerator(actor);
    const ctx = await pageFor(request, deps);
    const [reports, unverified, stale, pendingClaims, own, claimed] = await Promise.all([
      findOpenReports(db),
      findUnverifiedListings(db),
      findStaleListings(db, new Date()),
      countClaimsForModerator(db, actor.userId),
      findMembershipsOfUser(db, actor.userId),
      findClaims(db, { userId: actor.userId, status: 'pending' }),
    ]);
    // Hers to leave to another moderator: where she belongs, and where she asked to manage it.
    const ownIds = new Set([...own.map((m) => m.organisationId), ...claimed.map((c) => c.organisationId)]);
    const withOrgs = await Promise.all(
      reports.map(async (r) => ({ ...r, organisation: await getOrganisationBrief(db, r.organisationId) })),
    );
    const notice = doneNotice(ctx, 'moderation.done', request.query.done)?.text;
    return sendHtml(
      reply,
      ModerationPage({
        ctx,
        reports: withOrgs,
        unverified: unverified.map((o) => ({ ...o, own: ownIds.has(o.id) })),
        stale,
        pendingClaims,
        notice,
      }),
    );
  });

  app.post(
    '/moderation/organisations/:id/verify',
    { schema: { hide: true, params: IdParams, body: VerifyBody } },
    async (request, reply) => {
      const useCase = signedInContext(request, deps);
      // To anyone but a moderator the route does not exist, whatever the id.
      requireModerator(useCase.actor);
      const ctx = await pageFor(request, deps);
      await verifyListing(useCase, request.params.id, request.body.verified !== '0');
      return reply.redirect(`/${ctx.locale}/moderation?done=verified`, 303);
    },
  );
};
