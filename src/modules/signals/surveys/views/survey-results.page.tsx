// A survey's results, question by question: a chart with its table, or for numbers the mean and the
// median. Owners see every count, the free texts and the links to change, share and export; the
// public sees what the owners chose, and is told why a breakdown or a count is withheld.
import type { PageContext } from '../../../../http/request-context.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import { Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { SurveyView } from '../survey-view.ts';
import { publicMinimum } from '../survey.vocabulary.ts';
import type { QuestionResult } from '../tally-survey.ts';
import { CountChart } from './survey-chart.tsx';
import { surveyWhen } from './survey-dates.tsx';
import { SurveyLinkItems } from './survey-links.tsx';

export interface ResultsData {
  survey: SurveyView;
  owner: boolean;
  shown: boolean;
  responses: number;
  results: QuestionResult[];
}

function Result({ ctx, result, owner }: { ctx: PageContext; result: QuestionResult; owner: boolean }) {
  const { t } = ctx;
  const number = new Intl.NumberFormat(`${ctx.locale}-BE`, { maximumFractionDigits: 2 });
  const prompt = pickText(result.question.prompt, ctx.locale)?.text ?? '';
  // For the public, how many answered is said only from five; under five, the "too few" notice says so.
  const answered =
    result.answered === null
      ? result.kind === 'text'
        ? t.t('signals.survey.results.answered_few', { min: publicMinimum })
        : ''
      : t.t('signals.survey.results.answered', { count: result.answered });
  return (
    <section class="survey-result">
      <h2 safe>{prompt}</h2>
      {answered ? (
        <p class="muted" safe>
          {result.question.kind === 'multiple'
            ? `${answered} ${t.t('signals.survey.results.several')}`
            : answered}
        </p>
      ) : (
        ''
      )}
      {result.kind === 'text' && !owner ? (
        <p class="muted">{t.html('signals.survey.results.texts_owners')}</p>
      ) : result.withheld ? (
        <p class="muted" safe>
          {t.t('signals.survey.results.too_few', { min: publicMinimum })}
        </p>
      ) : result.kind === 'counts' ? (
        result.rows.length ? (
          <CountChart ctx={ctx} rows={result.rows} caption={prompt} />
        ) : (
          ''
        )
      ) : result.kind === 'number' ? (
        result.mean === null ? (
          ''
        ) : (
          <dl class="facts">
            <dt>{t.html('signals.survey.results.mean')}</dt>
            <dd safe>{number.format(result.mean)}</dd>
            <dt>{t.html('signals.survey.results.median')}</dt>
            <dd safe>{number.format(result.median ?? 0)}</dd>
          </dl>
        )
      ) : result.texts.length ? (
        <ul class="survey-texts">
          {result.texts.map((text) => (
            <li safe>{text}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </section>
  );
}

/** How many answers the page counts: all for the owners; for the public in steps of five, and why. */
function Counted({ ctx, data }: { ctx: PageContext; data: ResultsData }) {
  const { t } = ctx;
  if (data.owner)
    return (
      <p class="lead" safe>
        {t.t('signals.survey.results.responses', { count: data.responses })}
      </p>
    );
  return (
    <>
      <p class="lead" safe>
        {data.responses
          ? t.t('signals.survey.results.public_counted', { count: data.responses })
          : t.t('signals.survey.results.public_none', { min: publicMinimum })}
      </p>
      <p class="hint" safe>
        {t.t('signals.survey.results.public_steps', { min: publicMinimum })}
      </p>
    </>
  );
}

export function SurveyResultsPage({ ctx, data }: { ctx: PageContext; data: ResultsData }) {
  const { t } = ctx;
  const { survey } = data;
  const path = `/${ctx.locale}/surveys/${survey.slug}`;
  const title = t.t('signals.survey.results.title', {
    survey: pickText(survey.title, ctx.locale)?.text ?? '',
  });
  return (
    <Layout ctx={ctx} title={title} styles={['surveys.css']}>
      <h1 safe>{title}</h1>
      <p class="muted" safe>
        {surveyWhen(ctx, survey)}
      </p>
      {data.owner ? (
        <nav class="survey-links" aria-label={t.t('signals.survey.results.owner_links')}>
          <ul>
            <SurveyLinkItems ctx={ctx} path={path} links={['csv', 'share', 'edit']} />
          </ul>
        </nav>
      ) : (
        ''
      )}
      {data.owner ? <p class="hint">{t.html('signals.survey.results.owner_note')}</p> : ''}
      {!data.shown ? (
        <Notice tone="warn" text={t.t('signals.survey.results.after_close')} />
      ) : (
        <>
          <Counted ctx={ctx} data={data} />
          {data.results.map((result) => (
            <Result ctx={ctx} result={result} owner={data.owner} />
          ))}
        </>
      )}
      {survey.state === 'open' ? (
        <p>
          <a href={path}>{t.html('signals.survey.results.to_answer')}</a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
