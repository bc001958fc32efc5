// The members of an organisation: invitations, roles, removing and leaving.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { errorMessage } from '../../../http/error-handler.ts';
import { doneNotice, pageContext } from '../../../http/request-context.ts';
import { submitForm } from '../../../http/form-route.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { requireSignedIn } from '../../../http/signed-in.ts';
import { type Actor, actorOf } from '../../../shared/actor.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { claimView } from '../claims/claims.web.ts';
import { findClaims, findOpenInvitations } from '../membership.repo.ts';
import { acceptInvitation } from '../invitations/accept-invitation.ts';
import { changeMemberRoles, removeMember } from './change-members.ts';
import { inviteMember } from '../invitations/invite-member.ts';
import { MembersPage } from './members.page.tsx';
import {
  canEditListing,
  canHandleReferrals,
  canManageMembers,
  canSeeMembers,
  findMembership,
  findMembersOf,
} from '../../access/index.ts';

const text = Type.Optional(Type.String({ maxLength: 5_000 }));
const roles = Type.Optional(
  Type.Union([Type.String({ maxLength: 20 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 })]),
);
const OrgParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const MemberParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  userId: Type.String({ maxLength: 64 }),
});
const MembersQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 40 })) });

const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export const membersWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { config, db } = deps;
  const page = async (request: FastifyRequest) => pageContext(request, config, await deps.demoBanner());

  async function membersPage(
    request: FastifyRequest,
    organisationId: string,
    extra: {
      notice?: { text: string; tone?: 'ok' | 'warn' };
      problems?: FieldProblem[];
      inviteValues?: Record<string, string>;
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
    return MembersPage({
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
    });
  }

  app.get(
    '/manage/organisations/:id/members',
    { schema: { hide: true, params: OrgParams, querystring: MembersQuery } },
    async (request, reply) => {
      const notice = doneNotice(await page(request), 'membership.members.done', request.query.done);
      return sendHtml(reply, await membersPage(request, request.params.id, { notice }));
    },
  );

  app.post(
    '/manage/organisations/:id/invitations',
    { schema: { hide: true, params: OrgParams, body: Type.Object({ email: text, roles }) } },
    async (request, reply) => {
      const ctx = await page(request);
      const organisationId = request.params.id;
      const invitation = { email: request.body.email ?? '', roles: asList(request.body.roles) };
      return submitForm(
        reply,
        () => inviteMember(signedInContext(request, deps), organisationId, invitation),
        {
          alsoShown: ['ALREADY_MEMBER'],
          redirect: () => `/${ctx.locale}/manage/organisations/${organisationId}/members?done=invited`,
          refused: (problems, error) =>
            membersPage(request, organisationId, {
              problems,
              notice:
                error.code === 'ALREADY_MEMBER'
                  ? { text: errorMessage(ctx.t, error), tone: 'warn' }
                  : undefined,
              inviteValues: { email: invitation.email },
            }),
        },
      );
    },
  );

  /** A change of members that may leave the organisation without an admin, which is refused. */
  const lastAdminGuard = async (
    request: FastifyRequest,
    reply: FastifyReply,
    organisationId: string,
    done: string,
    run: (useCase: UseCaseContext<Actor>, organisationId: string) => Promise<void>,
  ) => {
    const useCase = signedInContext(request, deps);
    const ctx = await page(request);
    return submitForm(reply, () => run(useCase, organisationId), {
      alsoShown: ['LAST_ADMIN'],
      redirect: () =>
        done === 'left'
          ? `/${ctx.locale}/my/organisations`
          : `/${ctx.locale}/manage/organisations/${organisationId}/members?done=${done}`,
      refused: (_problems, error) =>
        membersPage(request, organisationId, {
          notice: {
            text: error.code === 'LAST_ADMIN' ? errorMessage(ctx.t, error) : ctx.t.t('fields.roles_required'),
            tone: 'warn',
          },
        }),
    });
  };

  app.post(
    '/manage/organisations/:id/members/:userId/roles',
    { schema: { hide: true, params: MemberParams, body: Type.Object({ roles }) } },
    async (request, reply) => {
      return lastAdminGuard(request, reply, request.params.id, 'roles', (ctx, id) =>
        changeMemberRoles(ctx, id, request.params.userId, asList(request.body.roles)),
      );
    },
  );

  app.post(
    '/manage/organisations/:id/members/:userId/remove',
    { schema: { hide: true, params: MemberParams } },
    async (request, reply) =>
      lastAdminGuard(request, reply, request.params.id, 'removed', (ctx, id) =>
        removeMember(ctx, id, request.params.userId),
      ),
  );

  app.post(
    '/manage/organisations/:id/leave',
    { schema: { hide: true, params: OrgParams } },
    async (request, reply) =>
      lastAdminGuard(request, reply, request.params.id, 'left', (ctx, id) =>
        removeMember(ctx, id, ctx.actor.userId),
      ),
  );
  app.get(
    '/invitations/accept',
    { schema: { hide: true, querystring: Type.Object({ token: text }) } },
    async (request, reply) => {
      const ctx = await page(request);
      const organisationId = await acceptInvitation(signedInContext(request, deps), request.query.token);
      return reply.redirect(`/${ctx.locale}/manage/organisations/${organisationId}/members?done=joined`, 303);
    },
  );
};
