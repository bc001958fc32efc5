// A change that alters nothing a document shows (a registration counted on an event) leaves the
// index, and every cache kept on its version, as they are.
import { describe, expect, it } from 'vitest';
import { otherDoc } from '../other-doc.ts';
import { SearchIndex } from './search-index.ts';
import { thesaurus } from './thesaurus.ts';

const event = (id: string, title: string) =>
  otherDoc({ type: 'event', id, title: { en: title }, text: { en: `${title} text` }, path: `/e/${id}` });

describe('an index asked whether it holds some documents already', () => {
  it('says yes for the same documents, and no for a changed, added or missing one', () => {
    const index = new SearchIndex(thesaurus());
    index.replace([event('e1', 'Debt advice evening'), event('e2', 'Housing fair')], undefined, 'events');
    expect(index.holds([event('e1', 'Debt advice evening')], ['e1'], 'events')).toBe(true);
    expect(index.holds([event('e1', 'Debt advice morning')], ['e1'], 'events')).toBe(false);
    expect(index.holds([], ['e1'], 'events')).toBe(false);
    expect(index.holds([event('e3', 'New')], ['e3'], 'events')).toBe(false);
    expect(index.holds([event('e1', 'Debt advice evening')], ['e1'], 'other source')).toBe(false);
  });
});
