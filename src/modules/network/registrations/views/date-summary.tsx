// The date of an event as registration pages show it: when, and how many places are left.
import type { PageContext } from '../../../../http/request-context.ts';
import type { DateView } from '../page-data.ts';
import { whenText } from '../registration-words.ts';

export function DateSummary({
  ctx,
  date,
  capacity,
}: {
  ctx: PageContext;
  date: DateView;
  capacity: number | null;
}) {
  const { t } = ctx;
  const left = capacity === null ? null : Math.max(0, capacity - date.confirmed);
  return (
    <dl class="facts">
      <div>
        <dt safe>{t.t('network.registration.when')}</dt>
        <dd safe>{whenText(ctx.locale, date)}</dd>
      </div>
      <div>
        <dt safe>{t.t('network.registration.places')}</dt>
        <dd safe>
          {left === null
            ? t.t('network.registration.places_unlimited')
            : left > 0
              ? t.t('network.registration.places_left', { count: left })
              : t.t('network.registration.places_full', { count: date.waitlisted })}
        </dd>
      </div>
    </dl>
  );
}
