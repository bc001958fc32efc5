// Parts the calls' pages share: a deadline in the call's zone, the amount range, a call's card.
import type { PageContext } from '../../../http/request-context.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { label } from '../../../views/components.tsx';
import type { CallCard } from '../calls/search-calls.ts';
import { eurosIn, momentIn } from '../moments.ts';
import { placeText } from './parts.tsx';

/** A moment in the call's zone, with the zone's name when it is not Brussels time. */
export const momentText = (ctx: PageContext, moment: Date, zone: string): string =>
  momentIn(ctx.locale, moment, zone);

export function amountText(ctx: PageContext, call: { amountMin: number | null; amountMax: number | null }) {
  const euros = (n: number) => eurosIn(ctx.locale, n);
  const { amountMin: min, amountMax: max } = call;
  if (min !== null && max !== null)
    return ctx.t.t('exchange.calls.amount_range', { min: euros(min), max: euros(max) });
  if (max !== null) return ctx.t.t('exchange.calls.amount_max', { max: euros(max) });
  if (min !== null) return ctx.t.t('exchange.calls.amount_min', { min: euros(min) });
  return '';
}

export function eligibilityText(ctx: PageContext, call: { informalEligible: boolean; kboRequired: boolean }) {
  return [
    ctx.t.t(call.informalEligible ? 'exchange.calls.informal_yes' : 'exchange.calls.informal_no'),
    call.kboRequired ? ctx.t.t('exchange.calls.kbo_required') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function CallCardItem({
  ctx,
  call,
  themeName,
  now,
}: {
  ctx: PageContext;
  call: CallCard;
  themeName: (code: string) => string;
  now: Date;
}) {
  const { t } = ctx;
  const title = pickText(call.title, ctx.locale);
  const amount = amountText(ctx, call);
  return (
    <li class="card exchange-card">
      <p class="exchange-what" safe>
        {label(ctx, 'exchange.funder', call.funder)}
      </p>
      <h3 lang={title?.fallback ? title.lang : undefined}>
        <a href={`/${ctx.locale}/exchange/calls/${call.id}`} safe>
          {title?.text ?? ''}
        </a>
      </h3>
      <p class="call-deadline" safe>
        {t.t('exchange.calls.deadline', { moment: momentText(ctx, call.closesAt, call.timeZone) })}
      </p>
      {call.opensAt > now ? (
        <p class="muted" safe>
          {t.t('exchange.calls.opens', { moment: momentText(ctx, call.opensAt, call.timeZone) })}
        </p>
      ) : (
        ''
      )}
      <p class="muted" safe>
        {[amount, placeText(ctx, call), eligibilityText(ctx, call)].filter(Boolean).join(' · ')}
      </p>
      {call.isDemo || call.themes.length ? (
        <ul class="badges">
          {call.isDemo ? <li class="badge">{t.html('exchange.demo_badge')}</li> : ''}
          {call.themes.map((c) => (
            <li class="badge" safe>
              {themeName(c)}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </li>
  );
}
