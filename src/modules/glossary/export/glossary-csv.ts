// The glossary as CSV, for a spreadsheet: one line per word, so that each word keeps its kind and the
// community or sector that uses it (which SKOS core cannot say), with its concept's definition in the
// word's language and its wider and related concepts (slugs, separated by " | "). Quoting follows
// RFC 4180 (csv-stringify): a field with a comma, a quote or a line break is quoted, quotes doubled.
// A byte order mark first, so that spreadsheets read it as UTF-8.
import { stringify } from 'csv-stringify/sync';
import type { GlossarySnapshot } from '../snapshot/glossary-snapshot.ts';
import { conceptUri } from './skos.ts';

export const csvColumns = [
  'concept',
  'uri',
  'language',
  'kind',
  'word',
  'sector',
  'definition',
  'broader',
  'related',
  'modified',
] as const;

export function glossaryCsv(snapshot: GlossarySnapshot, origin: string): string {
  const rows: string[][] = [];
  for (const c of snapshot.concepts)
    for (const l of c.labels)
      rows.push([
        c.slug,
        conceptUri(origin, c.slug),
        l.language,
        l.kind,
        l.text,
        l.sector ?? '',
        c.definition[l.language] ?? '',
        c.broader.join(' | '),
        c.related.join(' | '),
        c.modified.toISOString(),
      ]);
  return stringify(rows, { bom: true, header: true, columns: [...csvColumns], record_delimiter: 'windows' });
}
