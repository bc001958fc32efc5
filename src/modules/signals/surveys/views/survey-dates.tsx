// When a survey runs, in Brussels time and the reader's language.
import { DateTime } from 'luxon';
import type { PageContext } from '../../../../http/request-context.ts';
import type { SurveyView } from '../survey-view.ts';

export const brusselsTime = (ctx: PageContext, moment: Date) =>
  DateTime.fromJSDate(moment, { zone: 'Europe/Brussels' })
    .setLocale(`${ctx.locale}-BE`)
    .toLocaleString(DateTime.DATETIME_MED);

/** "Open until …", "Opens on …" or "Closed on …". */
export function surveyWhen(
  ctx: PageContext,
  survey: Pick<SurveyView, 'state' | 'opensAt' | 'closesAt'>,
): string {
  const { t } = ctx;
  if (survey.state === 'upcoming')
    return t.t('signals.survey.when.upcoming', { date: brusselsTime(ctx, survey.opensAt) });
  if (survey.state === 'closed')
    return t.t('signals.survey.when.closed', { date: brusselsTime(ctx, survey.closesAt) });
  return t.t('signals.survey.when.open', { date: brusselsTime(ctx, survey.closesAt) });
}
