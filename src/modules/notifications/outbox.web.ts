// The development outbox: every e-mail the platform queued, newest first, with its links, so a
// developer (or a browser test) can follow a confirmation link without a mail server.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebDeps } from '../../http/deps.ts';
import { pageContext } from '../../http/request-context.ts';
import { sendHtml } from '../../http/send-html.ts';
import { listOutbox } from './mail.ts';
import { OutboxPage } from './views/outbox-page.tsx';

export const outboxWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  // What the platform would have e-mailed, for developers and tests; never in production. Only where
  // mail cannot leave the machine anyway: it shows reset and invitation links.
  if (deps.config.env === 'production' || deps.config.mail.smtpUrl) return;
  app.get('/dev/outbox', { schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, deps.config, await deps.demoBanner());
    reply.header('cache-control', 'no-store');
    return sendHtml(reply, OutboxPage({ ctx, mails: await listOutbox(deps.db) }));
  });
};
