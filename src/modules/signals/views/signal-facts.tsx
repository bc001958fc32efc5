// What a signal says, for the pages that may show its text (the moderators' queue, the
// organisation's own signals).
import type { PageContext } from '../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { label } from '../../../views/components.tsx';
import type { SignalView } from '../presenters/page-data.ts';

export interface SignalNames {
  themes: Map<string, I18nText>;
  communes: Map<string, I18nText>;
  quartiers: Map<number, I18nText>;
}

export function SignalFacts({
  ctx,
  signal,
  names,
}: {
  ctx: PageContext;
  signal: SignalView;
  names: SignalNames;
}) {
  const { t } = ctx;
  const name = (text: I18nText | undefined, fallback: string) =>
    (text && pickText(text, ctx.locale)?.text) || fallback;
  const quartier = signal.quartierCode === null ? '' : name(names.quartiers.get(signal.quartierCode), '');
  const place = [quartier, name(names.communes.get(signal.communeNis), signal.communeNis)]
    .filter(Boolean)
    .join(', ');
  const dates = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const facts: [string, string][] = [
    [
      t.t('signals.new.themes'),
      signal.themeCodes.map((code) => name(names.themes.get(code), code)).join(', '),
    ],
    [t.t('signals.new.where'), place],
    [t.t('signals.new.target_group'), label(ctx, 'signals.group', signal.targetGroup)],
    [t.t('signals.new.people'), label(ctx, 'signals.band', signal.peopleBand)],
    [t.t('signals.new.seen_on'), dates.format(new Date(`${signal.seenOn}T12:00:00Z`))],
    [t.t('signals.new.note'), signal.note ?? '—'],
  ];
  return (
    <dl class="facts">
      {facts.map(([term, value]) => (
        <div>
          <dt safe>{term}</dt>
          <dd safe>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
