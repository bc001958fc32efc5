// Rooms' photos at one address for every language, /room-photos/{photo id} (?size=small: at most
// 480 px on the longest side). A photo id never gets another image, so browsers and caches may keep
// the file for a year; a removed photo answers "not found". No session is read or renewed here
// (src/http/session.ts), so a shared cache never holds a cookie with it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { AppError } from '../../../shared/errors.ts';
import { roomPhotoFile } from './room-photo-file.ts';

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
      const file = await roomPhotoFile(deps.db, request.params.id, { small });
      if (!file) throw new AppError('NOT_FOUND');
      return (
        reply
          .type(file.contentType)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('content-security-policy', "default-src 'none'")
          // The API gives these addresses to other sites, which may show the photos on their pages.
          .header('cross-origin-resource-policy', 'cross-origin')
          .send(file.data)
      );
    },
  );
};
