// Logos: the upload form's post (under /{lang}), and the files at one address for every language,
// /logos/{organisation id}. Page links carry the logo's last change (?v=…), so browsers may keep a
// logo a long time.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../../http/deps.ts';
import { submitForm } from '../../../../http/form-route.ts';
import { pageFor } from '../../../../http/request-context.ts';
import { signedInContext } from '../../../../http/use-case-context.ts';
import { AppError } from '../../../../shared/errors.ts';
import { isUuid } from '../../../../shared/shapes.ts';
import { IdParams } from '../../directory.schemas.ts';
import { getOrganisation } from '../../directory.service.ts';
import { profilePage, profileValues } from '../profile/profile.web.ts';
import { findLogo } from './logo.repo.ts';
import { removeLogo } from './remove-logo.ts';
import { setLogo } from './set-logo.ts';

export const logoFormWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.post(
    '/manage/organisations/:id/logo',
    { schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const org = await getOrganisation(deps.db, request.params.id);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const useCase = signedInContext(request, deps);
      const upload = Buffer.isBuffer(body.logo) ? body.logo : Buffer.alloc(0);
      return submitForm(
        reply,
        () => (body.remove === '1' ? removeLogo(useCase, org.id) : setLogo(useCase, org.id, upload)),
        {
          redirect: () => `/${ctx.locale}/manage/organisations/${org.id}/profile?done=saved`,
          refused: (problems) => profilePage(ctx, org, profileValues(org), { problems }),
        },
      );
    },
  );
};

export const logoFilesWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.get(
    '/logos/:id',
    { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const logo = isUuid(request.params.id) ? await findLogo(deps.db, request.params.id) : undefined;
      if (!logo) throw new AppError('NOT_FOUND');
      return reply
        .type(logo.contentType)
        .header('cache-control', 'public, max-age=604800')
        .header('content-security-policy', "default-src 'none'")
        .send(logo.data);
    },
  );
};
