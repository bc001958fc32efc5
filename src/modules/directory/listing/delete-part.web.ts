// "Remove" on a listing's contact person or place: one button posting to
// /manage/organisations/:id/<part>/:partId/delete, then back to the part's page.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { localeOf } from '../../../http/request-context.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { getOrganisationBrief } from '../directory.service.ts';

const id = Type.String({ maxLength: 64 });
const PartParams = Type.Object({ id, partId: id });

export function deletePartRoute(
  app: FastifyInstance,
  deps: WebDeps,
  part: 'contacts' | 'locations',
  remove: (ctx: UseCaseContext, organisationId: string, partId: string) => Promise<void>,
): void {
  app.post<{ Params: { id: string; partId: string } }>(
    `/manage/organisations/:id/${part}/:partId/delete`,
    { schema: { hide: true, params: PartParams } },
    async (request, reply) => {
      const ctx = signedInContext(request, deps);
      const org = await getOrganisationBrief(deps.db, request.params.id);
      if (!isUuid(request.params.partId)) throw new AppError('NOT_FOUND');
      await remove(ctx, org.id, request.params.partId);
      return reply.redirect(`/${localeOf(request)}/manage/organisations/${org.id}/${part}?done=saved`, 303);
    },
  );
}
