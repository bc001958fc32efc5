// Links in the text are links here, so a confirmation can be followed with one click.
import type { PageContext } from '../../../http/request-context.ts';
import { Layout } from '../../../views/layout.tsx';
import type { OutboxRow } from '../mail.ts';

export function OutboxPage({ ctx, mails }: { ctx: PageContext; mails: OutboxRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('notifications.outbox.title')}>
      <h1>{t.html('notifications.outbox.title')}</h1>
      <p>{t.html('notifications.outbox.lead')}</p>
      {mails.length ? (
        <ol class="outbox">
          {mails.map((m) => (
            <li class="card">
              <h2 safe>{m.subject}</h2>
              <p>
                {t.html('notifications.outbox.to')}: <span safe>{m.to}</span> ·{' '}
                <span safe>{t.date(m.createdAt, 'medium')}</span> ·{' '}
                {m.sentAt ? t.html('notifications.outbox.sent') : t.html('notifications.outbox.waiting')}
              </p>
              <pre class="mail-text" lang={m.locale}>
                {m.text.split(/(https?:\/\/\S+)/).map((part, i) =>
                  i % 2 ? (
                    <a href={part} safe>
                      {part}
                    </a>
                  ) : (
                    <span safe>{part}</span>
                  ),
                )}
              </pre>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.html('notifications.outbox.empty')}</p>
      )}
    </Layout>
  );
}
