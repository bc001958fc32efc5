// The page to print and hang up: the survey's title, its link written out and as a QR code, and
// when it runs. The QR code is SVG drawn by the qrcode library from the link alone.
import type { PageContext } from '../../../../http/request-context.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import { Layout } from '../../../../views/layout.tsx';
import type { SurveyView } from '../survey-view.ts';
import { surveyWhen } from './survey-dates.tsx';

export function SurveySharePage({
  ctx,
  survey,
  link,
  safeQrSvg,
}: {
  ctx: PageContext;
  survey: SurveyView;
  link: string;
  /** The QR code as SVG markup, made by the qrcode library from `link`. */
  safeQrSvg: string;
}) {
  const { t } = ctx;
  const title = pickText(survey.title, ctx.locale)?.text ?? '';
  return (
    <Layout ctx={ctx} title={t.t('signals.survey.share.title', { survey: title })} styles={['surveys.css']}>
      <div class="survey-share">
        <p class="survey-share-ask">{t.html('signals.survey.share.ask')}</p>
        <h1 safe>{title}</h1>
        <div class="survey-qr" role="img" aria-label={t.t('signals.survey.share.qr_label')}>
          {safeQrSvg}
        </div>
        <p class="survey-link">
          <a href={link} safe>
            {link}
          </a>
        </p>
        <p safe>{surveyWhen(ctx, survey)}</p>
        <p class="hint">{t.html('signals.survey.share.anonymous')}</p>
        <p class="survey-print-hint">{t.html('signals.survey.share.print')}</p>
      </div>
    </Layout>
  );
}
