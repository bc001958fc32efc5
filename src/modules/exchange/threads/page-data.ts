// What the thread pages show, as the queries give it to the views.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { PostDirection, PostKind, PostStatus, ThreadSide } from '../exchange.vocabulary.ts';

/** What a post's page offers the reader about its conversations. */
export type AnswerBox =
  /** Not signed in: log in to answer. */
  | { mode: 'visitor' }
  /** Signed in, but speaking for no organisation (or an informal group on a post that forbids it). */
  | { mode: 'none'; reason: 'no_organisation' | 'informal' | 'not_open' }
  /** A member of the post's organisation: its conversations. */
  | { mode: 'owner'; threads: ThreadSummary[] }
  /** A member of another organisation: the form, and the thread(s) already there. */
  | {
      mode: 'answer';
      organisations: { id: string; name: I18nText }[];
      threads: ThreadSummary[];
    };

export interface ThreadSummary {
  id: string;
  /** The organisation on the other side from the reader's. */
  organisation: I18nText;
  lastMessageAt: Date;
  unread: number;
}

export interface ThreadMessage {
  id: string;
  side: ThreadSide;
  organisation: I18nText;
  /** The author's name while their account exists (never their address). */
  author: string | null;
  mine: boolean;
  body: string;
  createdAt: Date;
}

export interface ThreadPageData {
  thread: { id: string };
  post: {
    id: string;
    title: I18nText;
    direction: PostDirection;
    status: PostStatus;
    /** Whether the reader may open the post's page (others' posts only while open). */
    visible: boolean;
  };
  side: ThreadSide;
  poster: { id: string; name: I18nText };
  responder: { id: string; name: I18nText };
  messages: ThreadMessage[];
}

export interface ConversationsData {
  posts: {
    id: string;
    direction: PostDirection;
    kind: PostKind;
    title: I18nText;
    status: PostStatus;
    until: string;
    organisation: I18nText;
    threads: ThreadSummary[];
  }[];
  /** The threads where the reader's organisations answer others' posts. */
  answered: (ThreadSummary & {
    post: { id: string; title: I18nText; direction: PostDirection; status: PostStatus };
  })[];
  /** Whether the reader speaks for any organisation. */
  member: boolean;
  unread: number;
}
