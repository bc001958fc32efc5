// What the follows pages show, presented (see present-follows.ts).
import type { I18nText } from '../../../shared/i18n-text.ts';

export interface FollowedTheme {
  code: string;
  name: I18nText;
  /** The theme above it, for a sub-theme. */
  parentName?: I18nText;
}

export interface FollowedQuestion {
  id: string;
  title: string;
  language: string;
  answerCount: number;
  /** False once the question is hidden, or members-only and the reader no member: no title then. */
  readable: boolean;
}

export interface FollowsPageData {
  themes: FollowedTheme[];
  questions: FollowedQuestion[];
  /** The top themes not followed yet, to tick. */
  themeOptions: { code: string; name: I18nText }[];
  digest: { follows: boolean; verified: boolean; email: string };
}
