// The owners' list of their surveys: an organisation's (a tab of its management pages) or the
// network's (for the moderators), each with where it stands, how many answered, and its links.
import type { PageContext } from '../../../../http/request-context.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import { Notice } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { ManageLinks } from '../../../../views/manage-nav.tsx';
import type { SurveyView } from '../survey-view.ts';
import { surveyWhen } from './survey-dates.tsx';
import { SurveyLinkItems } from './survey-links.tsx';

export function SurveyListPage({
  ctx,
  organisation,
  surveys,
  newPath,
  done,
}: {
  ctx: PageContext;
  /** Null for the network's surveys. */
  organisation: { id: string; name: string } | null;
  surveys: (SurveyView & { responses: number })[];
  newPath: string;
  done?: string;
}) {
  const { t } = ctx;
  const title = organisation
    ? t.t('signals.survey.list.title', { organisation: organisation.name })
    : t.t('signals.survey.list.network_title');
  return (
    <Layout ctx={ctx} title={title} styles={['surveys.css']}>
      <h1 safe>{title}</h1>
      {organisation ? <ManageLinks ctx={ctx} organisationId={organisation.id} canEdit={false} /> : ''}
      {done ? <Notice text={done} /> : ''}
      <p>{organisation ? t.html('signals.survey.list.lead') : t.html('signals.survey.list.network_lead')}</p>
      <p>
        <a class="button" href={newPath}>
          {t.html('signals.survey.list.new')}
        </a>
      </p>
      {surveys.length ? (
        <ul class="cards">
          {surveys.map((s) => {
            const path = `/${ctx.locale}/surveys/${s.slug}`;
            return (
              <li class="card">
                <h2 safe>{pickText(s.title, ctx.locale)?.text ?? ''}</h2>
                <p class="summary" safe>
                  {surveyWhen(ctx, s)}
                </p>
                <p safe>{t.t('signals.survey.results.responses', { count: s.responses })}</p>
                <ul class="survey-links">
                  <SurveyLinkItems ctx={ctx} path={path} links={['open', 'results', 'share', 'edit']} />
                </ul>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="empty">{t.html('signals.survey.list.empty')}</p>
      )}
    </Layout>
  );
}
