// The audit log, for platform admins: security events in order, filtered by event.
import type { PageContext } from '../../../http/request-context.ts';
import { DataTable, Pagination } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { Page } from '../../../shared/pagination.ts';

export interface AuditRowView {
  id: number;
  at: Date;
  actor: string;
  event: string;
  subject: string;
  ip: string;
  details: string;
}

export function AuditPage({
  ctx,
  page,
  event,
}: {
  ctx: PageContext;
  page: Page<AuditRowView>;
  event?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('moderation.audit.title')}>
      <h1>{t.html('moderation.audit.title')}</h1>
      <p>{t.html('moderation.audit.lead')}</p>
      <form method="get" action={`/${ctx.locale}/admin/audit`} class="form">
        <div class="field">
          <label for="f-event">{t.html('moderation.audit.event')}</label>
          <input id="f-event" name="event" type="text" value={event ?? ''} maxlength="100" />
        </div>
        <div class="form-actions">
          <button type="submit">{t.html('directory.apply')}</button>
        </div>
      </form>
      <DataTable
        caption={t.t('moderation.audit.title')}
        columns={[
          t.t('moderation.audit.when'),
          t.t('moderation.audit.who'),
          t.t('moderation.audit.event'),
          t.t('moderation.audit.subject'),
          'IP',
          t.t('moderation.audit.details'),
        ]}
      >
        {page.items.map((r) => (
          <tr>
            <td safe>{r.at.toISOString().replace('T', ' ').slice(0, 19)}</td>
            <td safe>{r.actor}</td>
            <td>
              <code safe>{r.event}</code>
            </td>
            <td safe>{r.subject}</td>
            <td safe>{r.ip}</td>
            <td>
              <code safe>{r.details}</code>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        ctx={ctx}
        page={page}
        link={(n) =>
          `/${ctx.locale}/admin/audit?page=${n}${event ? `&event=${encodeURIComponent(event)}` : ''}`
        }
      />
    </Layout>
  );
}
