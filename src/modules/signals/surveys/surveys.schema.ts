// Simple surveys: a short questionnaire of an organisation (or of the moderators, for the whole
// network), answered without an account through an unguessable link. The questions are one document
// (jsonb), edited as a whole until the first answer; each answer is one row. Foreign keys to other
// modules' tables are in the migration, so modules stay apart in code.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { belongsTo, id, moment, timestamps } from '../../../db/columns.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { resultVisibilities, type SurveyAnswers, type SurveyQuestion } from './survey.vocabulary.ts';

export const surveys = pgTable(
  'surveys',
  {
    id: id(),
    /** The public link's part: random, so a survey is found only by those given the link. */
    slug: text().notNull().unique(),
    /** The organisation that asks; null for a network survey of the moderators. */
    organisationId: uuid(),
    createdBy: uuid(),
    title: jsonb().$type<I18nText>().notNull(),
    intro: jsonb().$type<I18nText>().notNull(),
    /** A theme of the taxonomy, so that answers naming a quartier count on the evidence map. */
    themeCode: text(),
    questions: jsonb().$type<SurveyQuestion[]>().notNull(),
    opensAt: moment().notNull(),
    closesAt: moment().notNull(),
    resultsVisibility: text({ enum: resultVisibilities }).notNull(),
    ...timestamps(),
  },
  (t) => [
    index('surveys_organisation_idx').on(t.organisationId, t.createdAt),
    check(
      'surveys_visibility_known',
      sql`${t.resultsVisibility} in (${sql.raw(resultVisibilities.map((v) => `'${v}'`).join(', '))})`,
    ),
    check('surveys_questions', sql`jsonb_array_length(${t.questions}) between 1 and 30`),
    check('surveys_dates', sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    surveyId: belongsTo(() => surveys.id).notNull(),
    /** Question id → answer (an option's index, several, a number, a text, a quartier code). */
    answers: jsonb().$type<SurveyAnswers>().notNull(),
    /** The written answers, sealed together (survey-texts.ts); null when none was written. */
    texts: text(),
    /** From the first "which quartier" question, for the evidence map; null when none was given. */
    quartierCode: integer(),
    communeNis: text(),
    submittedAt: moment().notNull(),
  },
  (t) => [
    index('survey_responses_survey_idx').on(t.surveyId, t.submittedAt),
    check('survey_responses_place', sql`(${t.quartierCode} is null) = (${t.communeNis} is null)`),
  ],
);
