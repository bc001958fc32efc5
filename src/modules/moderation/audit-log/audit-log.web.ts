// The audit log page, for platform admins; to anyone else it does not exist.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { requireSignedIn } from '../../../http/signed-in.ts';
import { actorOf } from '../../../shared/actor.ts';
import { pageOf } from '../../../shared/pagination.ts';
import { listAudit } from '../../audit/index.ts';
import { requireAuditReader } from '../moderation.policy.ts';
import { AuditPage } from './audit-log.page.tsx';

const AuditQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  event: Type.Optional(Type.String({ maxLength: 100 })),
});
const perPage = 50;

export const auditLogWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.get('/admin/audit', { schema: { hide: true, querystring: AuditQuery } }, async (request, reply) => {
    requireAuditReader(actorOf(requireSignedIn(request)));
    const ctx = await pageFor(request, deps);
    const { page: n, event } = request.query;
    const { rows, total } = await listAudit(
      deps.db,
      { event },
      { offset: (n - 1) * perPage, limit: perPage },
    );
    const items = rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actorEmail ?? r.actorId ?? '—',
      event: r.event,
      subject: r.subjectType ? `${r.subjectType} ${r.subjectId ?? ''}` : '—',
      ip: r.ip ?? '—',
      details: Object.keys(r.details).length ? JSON.stringify(r.details) : '',
    }));
    return sendHtml(reply, AuditPage({ ctx, page: pageOf(items, total, { page: n, perPage }), event }));
  });
};
