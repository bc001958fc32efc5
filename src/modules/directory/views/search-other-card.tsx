// The result card of a document another module gives to search (an event, a question, a room …):
// what it is, its title linked to its page, who offers it, a snippet and its date. Services and
// organisations keep their own richer cards (search-results.tsx).
import type { MessageKey } from '../../../i18n/index.ts';
import type { PageContext } from '../../../http/request-context.ts';
import { brusselsFormat } from '../../../shared/brussels-time.ts';
import { type I18nText, type Locale, pickText } from '../../../shared/i18n-text.ts';
import type { SearchOutcome } from '../presenters/page-data.ts';
import type { DocType } from '../../search/index.ts';

type Hit = SearchOutcome['hits'][number];

/** "Event", "Question" …: the label of a document type in the reader's language. */
export function typeLabel(ctx: PageContext, type: DocType): string {
  return ctx.t.t(`directory.search.type.${type}` as MessageKey);
}

export function OtherResultCard({
  ctx,
  hit,
  Text,
}: {
  ctx: PageContext;
  hit: Hit;
  /** Shows a text with the matched words marked, whole or as a snippet (search-results.tsx). */
  Text: (props: {
    ctx: PageContext;
    value: I18nText;
    terms: Set<string>;
    snippet?: boolean;
  }) => JSX.Element | string;
}) {
  const { doc } = hit;
  const terms = new Set(hit.terms);
  const owner = pickText(doc.organisationName, ctx.locale);
  const when = doc.date
    ? ctx.t.date(doc.date, 'long') + (doc.date.length > 10 ? `, ${timeOf(doc.date, ctx.locale)}` : '')
    : '';
  return (
    <li class={`card result result-${doc.type}`}>
      <p class="result-type">
        <span class="badge" safe>
          {typeLabel(ctx, doc.type)}
        </span>
      </p>
      <h3>
        <a href={`/${ctx.locale}${doc.path ?? ''}`}>
          <Text ctx={ctx} value={doc.name} terms={terms} />
        </a>
      </h3>
      {owner ? (
        <p class="provider">
          <Text ctx={ctx} value={doc.organisationName} terms={terms} />
        </p>
      ) : (
        ''
      )}
      {pickText(hit.description, ctx.locale) ? (
        <p class="summary">
          <Text ctx={ctx} value={hit.description} terms={terms} snippet />
        </p>
      ) : (
        ''
      )}
      {doc.date ? (
        <p class="facts-line">
          <time datetime={doc.date} safe>
            {when}
          </time>
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

/**
 * The time of day of a date-time, in Brussels. One formatter per language: making one per card
 * took a tenth of a search page's time (each result with a date made its own).
 */
const timeFormat = brusselsFormat({ hour: '2-digit', minute: '2-digit' });
function timeOf(value: string, locale: Locale): string {
  return timeFormat(locale, new Date(value));
}
