// Logos, at one address for every language: /logos/{organisation id}. The page links carry the
// logo's last change (?v=…), so browsers may keep it a long time.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../http/deps.ts';
import { AppError } from '../../shared/errors.ts';
import { findLogo } from './use-cases/set-logo.ts';
import { isUuid } from '../../shared/shapes.ts';

export const logoWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
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
