// The organisers' list as CSV (RFC 4180, shared/csv.ts): one line per person with a place or on the
// waiting list, per date, in the list's order. A name or address that starts like a formula gets a
// leading quote, so a spreadsheet shows it and never runs it.
import type { PageContext } from '../../../../http/request-context.ts';
import { csvField, csvLines, utf8Bom } from '../../../../shared/csv.ts';
import { label } from '../../../../views/components.tsx';
import type { RegistrationListData } from '../page-data.ts';

const brussels = (locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: 'Europe/Brussels' });

export function registrationsCsv(ctx: PageContext, data: RegistrationListData): string {
  const { t } = ctx.t;
  const stamp = brussels('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
  const header = [
    t('network.registration.csv.date'),
    t('network.registration.csv.status'),
    t('network.registration.csv.position'),
    t('network.registration.csv.name'),
    t('network.registration.csv.email'),
    t('network.registration.csv.registered'),
  ].map(csvField);
  const lines = data.dates.flatMap((date) => {
    let waiting = 0;
    return date.people.map((p) => [
      stamp.format(date.startsAt),
      csvField(label(ctx, 'network.registration.status', p.status)),
      p.status === 'waitlisted' ? String(++waiting) : '',
      csvField(p.name),
      csvField(p.email),
      stamp.format(p.createdAt),
    ]);
  });
  return utf8Bom + csvLines([header, ...lines]);
}
