// Asking to manage a listing, deciding claims, and the moderators' queue of claims.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { pageContext } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { AppError } from '../../../shared/errors.ts';
import { requireSignedIn } from '../../../http/signed-in.ts';
import { actorOf } from '../../../shared/actor.ts';
import { safeNext } from '../../../shared/safe-next.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { findClaimsForModerator } from '../membership.repo.ts';
import { claimOrganisation } from './claim-organisation.ts';
import { decideClaim } from './decide-claim.ts';
import { ClaimPage, ClaimQueuePage, type ClaimView } from './claims.page.tsx';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { isModerator, findMembership } from '../../access/index.ts';

const text = Type.Optional(Type.String({ maxLength: 5_000 }));
const OrgParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ClaimParams = Type.Object({
  claimId: Type.String({ maxLength: 64 }),
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
});

/** A path on this site to go back to after a decision, or the fallback. */
const backTo = (back: string | undefined, fallback: string) => safeNext(back) ?? fallback;

export const claimsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { config, db } = deps;
  const page = async (request: FastifyRequest) => pageContext(request, config, await deps.demoBanner());

  app.get(
    '/organisations/:id/claim',
    { schema: { hide: true, params: OrgParams } },
    async (request, reply) => {
      const ctx = await page(request);
      const signedIn = requireSignedIn(request);
      const org = await getOrganisationBrief(db, request.params.id);
      if (await findMembership(db, signedIn.user.id, org.id))
        return reply.redirect(`/${ctx.locale}/manage/organisations/${org.id}/members`, 303);
      return sendHtml(reply, ClaimPage({ ctx, organisation: org }));
    },
  );

  app.post(
    '/organisations/:id/claim',
    {
      schema: {
        hide: true,
        params: OrgParams,
        body: Type.Object({ message: Type.Optional(MultiLineText({ maxLength: 5_000 })) }),
      },
    },
    async (request, reply) => {
      const ctx = await page(request);
      const org = await getOrganisationBrief(db, request.params.id);
      const message = request.body.message ?? '';
      try {
        await claimOrganisation(signedInContext(request, deps), org.id, { message });
        return sendHtml(reply, ClaimPage({ ctx, organisation: org, sent: true }));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        return sendHtml(
          reply,
          ClaimPage({ ctx, organisation: org, value: message, problems: error.fields }),
          400,
        );
      }
    },
  );

  app.post(
    '/claims/:claimId/:decision',
    { schema: { hide: true, params: ClaimParams, body: Type.Object({ back: text }) } },
    async (request, reply) => {
      const ctx = await page(request);
      const approve = request.params.decision === 'approve';
      await decideClaim(signedInContext(request, deps), request.params.claimId, approve);
      const back = backTo(request.body.back, `/${ctx.locale}/my/organisations`);
      const separator = back.includes('?') ? '&' : '?';
      return reply.redirect(
        back.includes('/members') ? `${back}${separator}done=${approve ? 'approved' : 'rejected'}` : back,
        303,
      );
    },
  );

  app.get('/moderation/claims', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await page(request);
    const actor = actorOf(requireSignedIn(request));
    if (!isModerator(actor)) throw new AppError('NOT_FOUND');
    // Another moderator decides the claims this one is a party to (membership.repo.ts).
    const claims = await findClaimsForModerator(db, actor.userId);
    const people = new Map(
      (
        await findUsersByIds(
          db,
          claims.map((c) => c.userId),
        )
      ).map((u) => [u.id, u]),
    );
    const withOrgs = await Promise.all(
      claims.map(async (c) => ({
        ...claimView(c, people),
        organisation: await getOrganisationBrief(db, c.organisationId),
      })),
    );
    return sendHtml(reply, ClaimQueuePage({ ctx, claims: withOrgs }));
  });
};

export function claimView(
  claim: { id: string; userId: string; message: string; createdAt: Date },
  people: Map<string, { name: string; email: string }>,
): ClaimView {
  const person = people.get(claim.userId);
  return {
    id: claim.id,
    name: person?.name ?? '',
    email: person?.email ?? '',
    message: claim.message,
    createdAt: claim.createdAt,
  };
}
