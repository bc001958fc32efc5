// What the practices' pages show, as the use cases and queries give it to the views.
import type { I18nText } from '../../../shared/i18n-text.ts';
import type { WorksheetKind } from '../knowledge.vocabulary.ts';
import type { PracticeRow } from './practices.repo.ts';
import type { PracticeResults, PracticeSearch } from './search-practices.ts';
import type { WorksheetItem } from './worksheet-items.ts';

export interface ThemeOption {
  code: string;
  name: I18nText;
  children: { code: string; name: I18nText }[];
}

export interface LibraryData {
  search: PracticeSearch;
  results: PracticeResults;
  themes: ThemeOption[];
  /** The obstacles and levers to filter by. */
  items: WorksheetItem[];
  /** The kinds of organisation to filter by: those of the published practices' organisations now. */
  kinds: string[];
  /** Whether the reader belongs to an organisation (and so writes practices). */
  member: boolean;
  /** Whether the reader moderates (and so looks after the shared lists). */
  moderator: boolean;
}

export interface ServiceCard {
  id: string;
  name: I18nText;
  organisation: I18nText;
  communes: string[];
}

export interface PracticePageData {
  practice: PracticeRow;
  owner: { id: string; name: I18nText };
  organisations: { id: string; name: I18nText }[];
  lists: Record<WorksheetKind, WorksheetItem[]>;
  services: ServiceCard[];
  related: { slug: string; title: I18nText }[];
  /** Its PDF files, in their order. */
  attachments: AttachmentSummary[];
  /** The reader belongs to the owning organisation: they change, publish and unpublish it. */
  owns: boolean;
  moderator: boolean;
  /** Unpublished by a moderator: only a moderator publishes it again. */
  takenDown: boolean;
  /** Made up for the demo (demo-practices.ts): the page says so. */
  demo: boolean;
}

export interface OwnPractice {
  slug: string;
  title: I18nText;
  status: PracticeRow['status'];
  featured: boolean;
  organisation: I18nText;
}

/** A PDF attached to a practice, without its bytes (at /practice-attachments/{id}). */
export interface AttachmentSummary {
  id: string;
  fileName: string;
  title: I18nText;
  size: number;
  pageCount: number;
}
