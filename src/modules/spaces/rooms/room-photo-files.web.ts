// Rooms' photos at one address for every language, /room-photos/{photo id} (?size=small: the copy
// of at most 480 px on the longest side, made on upload). A photo id never gets another image, but a
// removed one (a face, a home address) must leave browsers and caches: they keep a file a day, and
// here a removed photo answers "not found" at once. No session is read or renewed here
// (src/http/session.ts), so a shared cache never holds a cookie with it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findPhotoFile } from './room-photos.repo.ts';

export const roomPhotoFilesWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.get(
    '/room-photos/:id',
    {
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ size: Type.Optional(Type.Literal('small')) }),
      },
    },
    async (request, reply) => {
      const small = request.query.size === 'small';
      const { id } = request.params;
      const file = isUuid(id) ? await findPhotoFile(deps.db, id.toLowerCase(), { small }) : undefined;
      if (!file) throw new AppError('NOT_FOUND');
      return (
        reply
          .type(file.contentType)
          .header('cache-control', 'public, max-age=86400')
          .header('content-security-policy', "default-src 'none'")
          // The API gives these addresses to other sites, which may show the photos on their pages.
          .header('cross-origin-resource-policy', 'cross-origin')
          .send(file.data)
      );
    },
  );
};
