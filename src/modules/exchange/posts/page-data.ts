// What the exchange's pages show, as the queries give it to the views.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { AnswerBox } from '../threads/page-data.ts';
import type { PostMatch } from './match-posts.ts';
import type { PostRow } from './posts.repo.ts';
import type { BoardResults, BoardSearch } from './search-posts.ts';

export interface ThemeOption {
  code: string;
  name: I18nText;
  children: { code: string; name: I18nText }[];
}

export interface BoardData {
  search: BoardSearch;
  results: BoardResults;
  themes: ThemeOption[];
  /** The names of the posts' organisations. */
  organisations: Map<string, I18nText>;
  /** Whether the reader may post for an organisation. */
  writer: boolean;
  /** Unread messages in the reader's conversations (null for a visitor). */
  unread: number | null;
}

export interface PostPageData {
  post: PostRow;
  organisation: { id: string; name: I18nText };
  matches: PostMatch[];
  /** The names of the matches' organisations. */
  organisations: Map<string, I18nText>;
  /** What the reader may do with it. */
  mayChange: boolean;
  mayClose: boolean;
  /** Its conversations, or the form to answer it. */
  answer: AnswerBox;
  /** The funding call it asks for help with. */
  call?: { id: string; title: I18nText };
}

export interface PostFormData {
  organisations: { id: string; name: I18nText }[];
  themes: ThemeOption[];
  /** The latest date the form accepts, and today (Brussels dates). */
  today: string;
  latest: string;
  /** The post being changed. */
  editing?: { id: string; title: string };
}
