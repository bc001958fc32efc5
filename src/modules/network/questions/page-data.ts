// What the questions' pages show, as the presenters hand it to the views.
import type { I18nText, Locale } from '../../../shared/i18n-text.ts';
import type { Reader } from './questions.policy.ts';
import type { AnswerRow, QuestionRow } from './questions.repo.ts';
import type { QuestionResults, QuestionSearch } from './search-questions.ts';

/** A service or an organisation of the directory an answer points to. */
export interface DirectoryCard {
  kind: 'service' | 'organisation';
  id: string;
  name: I18nText;
  /** The service's organisation. */
  organisation?: I18nText;
  /** NIS codes of the communes of its places. */
  communes: string[];
}

export interface Byline {
  authorName: string | null;
  organisationName: I18nText | null;
  /** A made-up post of the demo data: no one wrote it. */
  demo: boolean;
}

export type AnswerView = AnswerRow &
  Byline & {
    accepted: boolean;
    cards: DirectoryCard[];
  };

export interface QuestionPageData {
  question: QuestionRow & Byline;
  /** The accepted answer first, then the others in the order they were written. */
  answers: AnswerView[];
  reader: Reader;
  isAsker: boolean;
  /** Whether the reader follows the question; null for a visitor. */
  following: boolean | null;
  /** The organisations the reader may answer for; none for a visitor or a non-member. */
  writesFor: { id: string; name: I18nText }[];
}

export interface QuestionsListData {
  search: QuestionSearch;
  results: QuestionResults;
  themes: { code: string; name: I18nText; children: { code: string; name: I18nText }[] }[];
  reader: Reader;
}

export type { Locale };
