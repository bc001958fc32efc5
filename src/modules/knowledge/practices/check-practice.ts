// The checks of a practice's fields before anything is written: every problem at once, each with
// its field and the key of its translated message ("fields.<code>"). The organisations involved
// and the worksheet's items are looked up (organisations-involved.ts, worksheet-items.ts).
import { type FieldProblem } from '../../../shared/errors.ts';
import { cleanText, type I18nText, locales } from '../../../shared/i18n-text.ts';
import { themeCodes } from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import { practiceLimits, type WorksheetKind, worksheetKinds } from '../knowledge.vocabulary.ts';

/** What a new or changed practice's form gives, as typed. */
export interface PracticeInput {
  title: I18nText;
  summary: I18nText;
  story: I18nText;
  /** The owning organisation (for a new practice): one of the author's. */
  organisationId?: string;
  /** Other organisations involved: addresses of their pages in the directory, or their ids, one per line. */
  organisations: string;
  themes: string[];
  communes: string[];
  contactName: string;
  contactWay: string;
  /** Web addresses, one per line. */
  links: string;
  /** Items chosen from the shared lists (their ids), per kind. */
  chosen: Record<WorksheetKind, string[]>;
  /** New items typed one per line, per kind. */
  added: Record<WorksheetKind, string>;
  /** When changing: the practice's version the form was made from (practiceVersion). */
  version?: string;
}

export interface CheckedTexts {
  title: I18nText;
  summary: I18nText;
  story: I18nText;
  themes: string[];
  communes: string[];
  contactName: string;
  contactWay: string;
  links: string[];
}

export const problem = (field: string, code: string): FieldProblem => ({ field, message: code, code });
const knownThemes = new Set(themeCodes);
const knownCommunes = new Set(geoReference().communes.map((c) => c.nis));
const oneLine = (s: string) => s.trim().replace(/\s+/g, ' ');
/** Lines of a text area, trimmed, the empty ones left out. */
export const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function checkText(
  name: string,
  value: I18nText,
  { min, max, single }: { min?: number; max: number; single: boolean },
  problems: FieldProblem[],
): I18nText {
  const out: I18nText = {};
  const clean = cleanText(value);
  for (const l of locales) {
    const text = clean[l];
    if (!text) continue;
    const kept = single ? oneLine(text) : text;
    if (kept.length > max || (min !== undefined && kept.length < min))
      problems.push(problem(`${name}.${l}`, `practice_${name}_length`));
    out[l] = kept;
  }
  return out;
}

/**
 * A web address a reader may follow, as browsers will follow it ("https:example.org" is
 * "https://example.org/"): http or https, with a host, no user name or password, nothing odd in
 * it; null for anything else.
 */
export function webLink(value: string): string | null {
  if (value.length > practiceLimits.link || /\s/.test(value)) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.') || url.username || url.password) return null;
    return url.href.length > practiceLimits.link ? null : url.href;
  } catch {
    return null;
  }
}

/** The practice's own texts and lists (everything but the organisations and the items). */
export function checkTexts(input: PracticeInput, problems: FieldProblem[]): CheckedTexts {
  const limits = practiceLimits;
  const title = checkText('title', input.title, { ...limits.title, single: true }, problems);
  if (!Object.keys(title).length) problems.push(problem('title', 'practice_title_missing'));
  const summary = checkText('summary', input.summary, { ...limits.summary, single: false }, problems);
  const story = checkText('story', input.story, { ...limits.story, single: false }, problems);
  const themes = [...new Set(input.themes.map((t) => t.trim()).filter(Boolean))];
  if (themes.length > limits.themes || themes.some((t) => !knownThemes.has(t)))
    problems.push(problem('themes', 'practice_themes'));
  const communes = [...new Set(input.communes.map((c) => c.trim()).filter(Boolean))];
  if (communes.length > limits.communes || communes.some((c) => !knownCommunes.has(c)))
    problems.push(problem('communes', 'choose_one'));
  const contactName = oneLine(input.contactName);
  if (contactName.length > limits.contactName) problems.push(problem('contact_name', 'too_long_100'));
  const contactWay = oneLine(input.contactWay);
  if (contactWay.length > limits.contactWay) problems.push(problem('contact_way', 'too_long_200'));
  const typed = [...new Set(linesOf(input.links))];
  const followed = typed.map(webLink);
  if (typed.length > limits.links) problems.push(problem('links', 'practice_links_many'));
  else if (followed.includes(null)) problems.push(problem('links', 'practice_link_bad'));
  // Stored as followed, so the page's links are the addresses the checks saw.
  const links = [...new Set(followed.filter((l): l is string => l !== null))];
  return { title, summary, story, themes, communes, contactName, contactWay, links };
}

/** The lists' sizes, counted before anything is looked up: 500 obstacles cost no more than 21. */
export function checkListSizes(input: PracticeInput, problems: FieldProblem[]): void {
  for (const kind of worksheetKinds) {
    const count = new Set(input.chosen[kind]).size + linesOf(input.added[kind]).length;
    if (count > practiceLimits.items) problems.push(problem(listField[kind], 'practice_items_many'));
  }
}

export const listField = { obstacle: 'obstacles', lever: 'levers', tool: 'tools' } as const;
