// The moderators' queue of visitors' signals: what each says, and publish or reject. The text is
// shown here and to nobody else.
import type { PageContext } from '../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { label } from '../../../views/components.tsx';
import { Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { PendingSignal } from '../presenters/page-data.ts';

export interface SignalNames {
  themes: Map<string, I18nText>;
  communes: Map<string, I18nText>;
  quartiers: Map<number, I18nText>;
}

export function PendingSignalsPage({
  ctx,
  signals,
  names,
  done,
}: {
  ctx: PageContext;
  signals: PendingSignal[];
  names: SignalNames;
  done?: string;
}) {
  const { t } = ctx;
  const name = (text: I18nText | undefined, fallback: string) =>
    (text && pickText(text, ctx.locale)?.text) || fallback;
  const place = (s: PendingSignal) =>
    [
      s.quartierCode === null ? '' : name(names.quartiers.get(s.quartierCode), ''),
      name(names.communes.get(s.communeNis), s.communeNis),
    ]
      .filter(Boolean)
      .join(', ');
  const dates = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const fact = (term: string, value: string) => (
    <div>
      <dt safe>{term}</dt>
      <dd safe>{value}</dd>
    </div>
  );
  return (
    <Layout ctx={ctx} title={t.t('signals.queue.title')}>
      <h1>{t.html('signals.queue.title')}</h1>
      {done ? <Notice text={done} /> : ''}
      <p>{t.html('signals.queue.lead')}</p>
      {signals.length ? (
        <ul class="cards">
          {signals.map((s) => (
            <li class="card">
              <dl class="facts">
                {fact(
                  t.t('signals.new.themes'),
                  s.themeCodes.map((code) => name(names.themes.get(code), code)).join(', '),
                )}
                {fact(t.t('signals.new.where'), place(s))}
                {fact(t.t('signals.new.target_group'), label(ctx, 'signals.group', s.targetGroup))}
                {fact(t.t('signals.new.people'), label(ctx, 'signals.band', s.peopleBand))}
                {fact(t.t('signals.new.seen_on'), dates.format(new Date(`${s.seenOn}T12:00:00Z`)))}
                {fact(t.t('signals.new.note'), s.note ?? '—')}
              </dl>
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
