// Practices' attachments at one address for every language, /practice-attachments/{id}: the PDF as
// it was sent, downloaded (never shown inside the site's pages) under its cleaned name. Who may
// have it is who may read its practice: a published practice's files for everyone, a draft's or an
// unpublished one's only for its organisation's members and the moderators ("not found" for others).
// So no shared cache keeps a file (a practice taken off the library must stop serving it at once):
// browsers keep it but ask again each time, and its ETag (its SHA-256) spares sending it again.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { actorOf } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { attachmentDisposition } from '../../../shared/pdfs.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findAttachmentFile, findAttachmentTag } from './practice-attachments.repo.ts';
import { maySeePractice, practiceReaderOf } from './practices.policy.ts';

/** Whether the request's If-None-Match names this ETag (or any). */
function matches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

export const practiceAttachmentFilesWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  app.get(
    '/practice-attachments/:id',
    { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const { id } = request.params;
      const key = isUuid(id) ? id.toLowerCase() : undefined;
      const [tag, reader] = await Promise.all([
        key ? findAttachmentTag(db, key) : undefined,
        practiceReaderOf(db, request.signedIn ? actorOf(request.signedIn) : null),
      ]);
      if (!key || !tag || !maySeePractice(reader, tag)) throw new AppError('NOT_FOUND');
      const etag = `"${tag.sha256}"`;
      reply
        .header('cache-control', 'private, no-cache')
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff')
        // Opened straight in a browser tab, the file may do nothing on the site's behalf.
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cross-origin-resource-policy', 'same-origin');
      if (matches(request, etag)) return reply.code(304).send();
      const file = await findAttachmentFile(db, key);
      if (!file || !maySeePractice(reader, file)) throw new AppError('NOT_FOUND');
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentDisposition(file.fileName))
        .send(file.data);
    },
  );
};
