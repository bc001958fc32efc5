// Pages and form posts for organisations' own people. Every route needs a signed-in person; pages
// about one organisation answer "not found" to anyone who is neither its member nor a moderator.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../http/deps.ts';
import { errorMessage } from '../../http/error-handler.ts';
import { originOf, type PageContext, pageContext } from '../../http/request-context.ts';
import { sendHtml } from '../../http/send-html.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { isUuid } from '../../shared/shapes.ts';
import { AppError, type FieldProblem } from '../../shared/errors.ts';
import { requireSignedIn } from '../../http/signed-in.ts';
import { actorOf } from '../../shared/actor.ts';
import { safeNext } from '../../shared/safe-next.ts';
import { findUsersByIds } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { getOrganisationBrief, vouchableKinds, vouchFor } from '../directory/index.ts';
import type { MembershipContext } from './membership-context.ts';
import { findClaims, findClaimsForModerator, findOpenInvitations } from './membership.repo.ts';
import { acceptInvitation } from './use-cases/accept-invitation.ts';
import { changeMemberRoles, removeMember } from './use-cases/change-members.ts';
import { claimOrganisation } from './use-cases/claim-organisation.ts';
import { decideClaim } from './use-cases/decide-claim.ts';
import { inviteMember } from './use-cases/invite-member.ts';
import { registerOrganisation } from './use-cases/register-organisation.ts';
import {
  ClaimPage,
  ClaimQueuePage,
  type ClaimView,
  MembersPage,
  MyOrganisationsPage,
  RegisterOrganisationPage,
  VouchPage,
} from './views/membership-pages.tsx';
import { MultiLineText } from '../../shared/schema-text.ts';
import {
  canEditListing,
  canHandleReferrals,
  canManageMembers,
  canSeeMembers,
  isModerator,
  findMembership,
  findMembershipsOfUser,
  findMembersOf,
} from '../access/index.ts';

const text = Type.Optional(Type.String({ maxLength: 5_000 }));
const roles = Type.Optional(
  Type.Union([Type.String({ maxLength: 20 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 })]),
);
const OrgParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const MemberParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  userId: Type.String({ maxLength: 64 }),
});
const ClaimParams = Type.Object({
  claimId: Type.String({ maxLength: 64 }),
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
});
const RegisterBody = Type.Object({
  'name.nl': text,
  'name.fr': text,
  'name.en': text,
  kind: text,
  kbo_number: text,
  email: text,
  website: text,
});
const MembersQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 40 })) });

const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A path on this site to go back to after a decision, or the fallback. */
const backTo = (back: string | undefined, fallback: string) => safeNext(back) ?? fallback;

export const membershipWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { config, db } = deps;
  const page = async (request: FastifyRequest) => pageContext(request, config, await deps.demoBanner());
  const context = (request: FastifyRequest, ctx: PageContext): MembershipContext => ({
    db,
    actor: actorOf(requireSignedIn(request)),
    origin: originOf(request, config),
    locale: ctx.locale,
    ip: request.ip,
    now: new Date(),
    mailQueued: deps.mailQueued,
  });

  async function membersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    organisationId: string,
    extra: {
      notice?: { text: string; tone?: 'ok' | 'warn' };
      problems?: FieldProblem[];
      inviteValues?: Record<string, string>;
      status?: number;
    } = {},
  ) {
    const ctx = await page(request);
    const actor = actorOf(requireSignedIn(request));
    const org = await getOrganisationBrief(db, organisationId);
    const own = await findMembership(db, actor.userId, org.id);
    if (!canSeeMembers(actor, own)) throw new AppError('NOT_FOUND');
    const canManage = canManageMembers(own);
    const canEdit = canEditListing(actor, own);
    const [members, invitations, claims] = await Promise.all([
      findMembersOf(db, org.id),
      canManage ? findOpenInvitations(db, org.id, new Date()) : [],
      canManage ? findClaims(db, { organisationId: org.id, status: 'pending' }) : [],
    ]);
    const people = new Map(
      (await findUsersByIds(db, [...members.map((m) => m.userId), ...claims.map((c) => c.userId)])).map(
        (u) => [u.id, u],
      ),
    );
    return sendHtml(
      reply,
      MembersPage({
        ctx,
        organisation: org,
        members: members.map((m) => ({
          userId: m.userId,
          roles: m.roles,
          name: people.get(m.userId)?.name ?? '',
          email: people.get(m.userId)?.email ?? '',
        })),
        invitations,
        claims: claims.map((c) => claimView(c, people)),
        canManage,
        canEdit,
        canRefer: canHandleReferrals(own),
        ...extra,
      }),
      extra.status ?? 200,
    );
  }

  app.get('/organisations/new', { schema: { hide: true } }, async (request, reply) => {
    requireSignedIn(request);
    return sendHtml(reply, RegisterOrganisationPage({ ctx: await page(request) }));
  });

  app.post('/organisations/new', { schema: { hide: true, body: RegisterBody } }, async (request, reply) => {
    const ctx = await page(request);
    const body = request.body;
    try {
      const id = await registerOrganisation(context(request, ctx), {
        name: { nl: body['name.nl'], fr: body['name.fr'], en: body['name.en'] },
        description: {},
        kind: body.kind ?? '',
        kboNumber: body.kbo_number,
        email: body.email,
        website: body.website,
      });
      return reply.redirect(`/${ctx.locale}/manage/organisations/${id}/members?done=registered`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      const values = Object.fromEntries(
        Object.entries(body).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>;
      // "name" problems point at the Dutch field, the first of the three.
      return sendHtml(reply, RegisterOrganisationPage({ ctx, values, problems: error.fields }), 400);
    }
  });

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
        await claimOrganisation(context(request, ctx), org.id, { message });
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

  app.get('/my/organisations', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await page(request);
    const signedIn = requireSignedIn(request);
    const [memberships, claims] = await Promise.all([
      findMembershipsOfUser(db, signedIn.user.id),
      findClaims(db, { userId: signedIn.user.id, status: 'pending' }),
    ]);
    const organisations = await Promise.all(
      memberships.map(async (m) => ({
        ...(await getOrganisationBrief(db, m.organisationId)),
        roles: m.roles,
      })),
    );
    const pendingClaims = await Promise.all(claims.map((c) => getOrganisationBrief(db, c.organisationId)));
    return sendHtml(reply, MyOrganisationsPage({ ctx, organisations, pendingClaims }));
  });

  app.get(
    '/manage/organisations/:id/members',
    { schema: { hide: true, params: OrgParams, querystring: MembersQuery } },
    async (request, reply) => {
      const ctx = await page(request);
      const done = request.query.done;
      const known = ['registered', 'invited', 'roles', 'removed', 'joined', 'approved', 'rejected'];
      const notice =
        done && known.includes(done) ? { text: ctx.t.t(`members.done.${done}` as MessageKey) } : undefined;
      return membersPage(request, reply, request.params.id, { notice });
    },
  );

  app.post(
    '/manage/organisations/:id/invitations',
    { schema: { hide: true, params: OrgParams, body: Type.Object({ email: text, roles }) } },
    async (request, reply) => {
      const ctx = await page(request);
      const { email = '' } = request.body;
      try {
        await inviteMember(context(request, ctx), request.params.id, {
          email,
          roles: asList(request.body.roles),
        });
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'VALIDATION_FAILED' || error.code === 'ALREADY_MEMBER')
        )
          return membersPage(request, reply, request.params.id, {
            problems: error.code === 'VALIDATION_FAILED' ? error.fields : [],
            notice:
              error.code === 'ALREADY_MEMBER'
                ? { text: errorMessage(ctx.t, error), tone: 'warn' }
                : undefined,
            inviteValues: { email },
            status: error.status,
          });
        throw error;
      }
      return reply.redirect(
        `/${ctx.locale}/manage/organisations/${request.params.id}/members?done=invited`,
        303,
      );
    },
  );

  const lastAdminGuard = async (
    request: FastifyRequest,
    reply: FastifyReply,
    organisationId: string,
    run: () => Promise<void>,
    done: string,
  ) => {
    const ctx = await page(request);
    try {
      await run();
    } catch (error) {
      if (error instanceof AppError && (error.code === 'LAST_ADMIN' || error.code === 'VALIDATION_FAILED'))
        return membersPage(request, reply, organisationId, {
          notice: {
            text: error.code === 'LAST_ADMIN' ? errorMessage(ctx.t, error) : ctx.t.t('fields.roles_required'),
            tone: 'warn',
          },
          status: error.status,
        });
      throw error;
    }
    if (done === 'left') return reply.redirect(`/${ctx.locale}/my/organisations`, 303);
    return reply.redirect(`/${ctx.locale}/manage/organisations/${organisationId}/members?done=${done}`, 303);
  };

  app.post(
    '/manage/organisations/:id/members/:userId/roles',
    { schema: { hide: true, params: MemberParams, body: Type.Object({ roles }) } },
    async (request, reply) => {
      const { id, userId } = request.params;
      const ctx = await page(request);
      return lastAdminGuard(
        request,
        reply,
        id,
        () => changeMemberRoles(context(request, ctx), id, userId, asList(request.body.roles)),
        'roles',
      );
    },
  );

  app.post(
    '/manage/organisations/:id/members/:userId/remove',
    { schema: { hide: true, params: MemberParams } },
    async (request, reply) => {
      const { id, userId } = request.params;
      const ctx = await page(request);
      return lastAdminGuard(
        request,
        reply,
        id,
        () => removeMember(context(request, ctx), id, userId),
        'removed',
      );
    },
  );

  app.post(
    '/manage/organisations/:id/leave',
    { schema: { hide: true, params: OrgParams } },
    async (request, reply) => {
      const ctx = await page(request);
      const actor = actorOf(requireSignedIn(request));
      return lastAdminGuard(
        request,
        reply,
        request.params.id,
        () => removeMember(context(request, ctx), request.params.id, actor.userId),
        'left',
      );
    },
  );

  app.post(
    '/claims/:claimId/:decision',
    { schema: { hide: true, params: ClaimParams, body: Type.Object({ back: text }) } },
    async (request, reply) => {
      const ctx = await page(request);
      const approve = request.params.decision === 'approve';
      await decideClaim(context(request, ctx), request.params.claimId, approve);
      const back = backTo(request.body.back, `/${ctx.locale}/my/organisations`);
      const separator = back.includes('?') ? '&' : '?';
      return reply.redirect(
        back.includes('/members') ? `${back}${separator}done=${approve ? 'approved' : 'rejected'}` : back,
        303,
      );
    },
  );

  app.get(
    '/invitations/accept',
    { schema: { hide: true, querystring: Type.Object({ token: text }) } },
    async (request, reply) => {
      const ctx = await page(request);
      const organisationId = await acceptInvitation(context(request, ctx), request.query.token);
      return reply.redirect(`/${ctx.locale}/manage/organisations/${organisationId}/members?done=joined`, 303);
    },
  );

  app.get(
    '/organisations/:id/vouch',
    { schema: { hide: true, params: OrgParams } },
    async (request, reply) => {
      const ctx = await page(request);
      const actor = actorOf(requireSignedIn(request));
      const org = await getOrganisationBrief(db, request.params.id);
      if (!vouchableKinds.includes(org.kind)) throw new AppError('NOT_FOUND');
      const own = await findMembershipsOfUser(db, actor.userId);
      // Nobody vouches for a group they belong to.
      if (own.some((m) => m.organisationId === org.id)) throw new AppError('OWN_ORGANISATION');
      const candidates = (
        await Promise.all(
          own.filter((m) => canManageMembers(m)).map((m) => getOrganisationBrief(db, m.organisationId)),
        )
      ).filter((o) => o.verification === 'verified' && o.id !== org.id);
      return sendHtml(reply, VouchPage({ ctx, organisation: org, candidates }));
    },
  );

  app.post(
    '/organisations/:id/vouch',
    { schema: { hide: true, params: OrgParams, body: Type.Object({ voucher: text }) } },
    async (request, reply) => {
      const ctx = await page(request);
      const actor = actorOf(requireSignedIn(request));
      const org = await getOrganisationBrief(db, request.params.id);
      const voucherId = request.body.voucher ?? '';
      // Only an admin of the vouching organisation speaks for it.
      if (!isUuid(voucherId) || !canManageMembers(await findMembership(db, actor.userId, voucherId)))
        throw new AppError('FORBIDDEN');
      if (await findMembership(db, actor.userId, org.id)) throw new AppError('OWN_ORGANISATION');
      await db.transaction(async (tx) => {
        await vouchFor(tx, { voucherId, organisationId: org.id, userId: actor.userId });
        await recordAudit(tx, {
          event: 'organisation.vouched',
          actorId: actor.userId,
          actorEmail: actor.email,
          subjectType: 'organisation',
          subjectId: org.id,
          ip: request.ip,
          details: { voucherId },
        });
      });
      return reply.redirect(`/${ctx.locale}/organisations/${org.id}`, 303);
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

function claimView(
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
