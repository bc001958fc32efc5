// The history of a listing, for its members and moderators; rollback of a change by moderators.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../../http/deps.ts';
import { pageFor } from '../../../../http/request-context.ts';
import { sendHtml } from '../../../../http/send-html.ts';
import { signedInContext } from '../../../../http/use-case-context.ts';
import { AppError } from '../../../../shared/errors.ts';
import { findUsersByIds } from '../../../accounts/index.ts';
import { canSeeMembers, findMembership, isModerator } from '../../../access/index.ts';
import { IdParams } from '../../directory.schemas.ts';
import { getOrganisation } from '../../directory.service.ts';
import { findVersionsOfOrganisation } from '../listing-versions.ts';
import { HistoryPage } from './history.page.tsx';
import { presentHistory } from './present-history.ts';
import { rollBackVersion } from './roll-back-version.ts';

const HistoryQuery = Type.Object({ done: Type.Optional(Type.Literal('rolled_back')) });

export const historyWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/manage/organisations/:id/history',
    { schema: { hide: true, params: IdParams, querystring: HistoryQuery } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const org = await getOrganisation(db, request.params.id);
      const { actor } = signedInContext(request, deps);
      if (!canSeeMembers(actor, await findMembership(db, actor.userId, org.id)))
        throw new AppError('NOT_FOUND');
      const versions = await findVersionsOfOrganisation(db, org.id);
      const actors = [...new Set(versions.map((v) => v.actorId).filter((id): id is string => !!id))];
      const people = new Map((await findUsersByIds(db, actors)).map((u) => [u.id, u.name]));
      return sendHtml(
        reply,
        HistoryPage({
          ctx,
          organisationId: org.id,
          name: org.name,
          versions: presentHistory(versions, org, people, ctx.locale),
          canRollBack: isModerator(actor),
          notice: request.query.done ? ctx.t.t('directory.history.rolled_back') : undefined,
        }),
      );
    },
  );

  app.post(
    '/manage/versions/:id/rollback',
    { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 20 }) }) } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const { organisationId } = await rollBackVersion(
        signedInContext(request, deps),
        Number(request.params.id),
      );
      return reply.redirect(
        `/${ctx.locale}/manage/organisations/${organisationId}/history?done=rolled_back`,
        303,
      );
    },
  );
};
