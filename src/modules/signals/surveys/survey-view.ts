// A survey as pages show it: what it asks, when it runs, and where it stands now. Plain data, so
// views need nothing from the repository.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { SurveyRow } from './surveys.repo.ts';
import type { ResultVisibility, SurveyQuestion } from './survey.vocabulary.ts';

export type SurveyState = 'upcoming' | 'open' | 'closed';

export interface SurveyView {
  slug: string;
  organisationId: string | null;
  title: I18nText;
  intro: I18nText;
  themeCode: string | null;
  questions: SurveyQuestion[];
  opensAt: Date;
  closesAt: Date;
  resultsVisibility: ResultVisibility;
  state: SurveyState;
  /** Changes with every change of the survey (its last change, in ms): the answer form carries it. */
  version: string;
}

export const surveyState = (survey: Pick<SurveyRow, 'opensAt' | 'closesAt'>, now: Date): SurveyState =>
  now < survey.opensAt ? 'upcoming' : now >= survey.closesAt ? 'closed' : 'open';

export const surveyVersion = (row: Pick<SurveyRow, 'updatedAt'>) => String(row.updatedAt.getTime());

export function presentSurvey(row: SurveyRow, now: Date): SurveyView {
  return {
    slug: row.slug,
    organisationId: row.organisationId,
    title: row.title,
    intro: row.intro,
    themeCode: row.themeCode,
    questions: row.questions,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    resultsVisibility: row.resultsVisibility,
    state: surveyState(row, now),
    version: surveyVersion(row),
  };
}
