// The moderators' queue of visitors' signals: what each says, and publish or reject. The text is
// shown here and to nobody else.
import type { PageContext } from '../../../http/request-context.ts';
import { Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { SignalView } from '../presenters/page-data.ts';
import { SignalFacts, type SignalNames } from './signal-facts.tsx';

export function PendingSignalsPage({
  ctx,
  signals,
  names,
  done,
}: {
  ctx: PageContext;
  signals: SignalView[];
  names: SignalNames;
  done?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('signals.queue.title')}>
      <h1>{t.html('signals.queue.title')}</h1>
      {done ? <Notice text={done} /> : ''}
      <p>{t.html('signals.queue.lead')}</p>
      {signals.length ? (
        <ul class="cards">
          {signals.map((s) => (
            <li class="card">
              <SignalFacts ctx={ctx} signal={s} names={names} />
              <p>
                <PostButton
                  ctx={ctx}
                  action={`/${ctx.locale}/moderation/signals/${s.id}/publish`}
                  label={t.t('signals.queue.publish')}
                  secondary={false}
                />{' '}
                <PostButton
                  ctx={ctx}
                  action={`/${ctx.locale}/moderation/signals/${s.id}/reject`}
                  label={t.t('signals.queue.reject')}
                />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t.html('signals.queue.empty')}</p>
      )}
    </Layout>
  );
}
