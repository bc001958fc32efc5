// A change to the glossary made straight in the database, for the search's tests: a word added to a
// concept and the concept's next version, in one transaction, announced on the glossary's channel or
// not (to test the poll that catches a missed announcement). Moderators change it through
// glossary/concepts/edit-concept.ts, tested through the app in edit-concept.web.test.ts.
import type pg from 'pg';
import { foldLabel } from '../../src/modules/glossary/labels/fold-label.ts';

export interface NewLabel {
  /** The concept's slug, as in the first edition (search/data/thesaurus.json). */
  slug: string;
  language: 'nl' | 'fr' | 'en' | 'ar';
  text: string;
  kind?: 'synonym' | 'abbreviation';
}

/** Adds the word and the concept's next version; returns when the transaction has committed. */
export async function addGlossaryLabel(
  pool: pg.Pool,
  label: NewLabel,
  { announce = true }: { announce?: boolean } = {},
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const {
      rows: [concept],
    } = await client.query<{ id: string; version: number }>(
      'update glossary_concepts set version = version + 1, updated_at = now() where slug = $1 returning id, version',
      [label.slug],
    );
    if (!concept) throw new Error(`no concept ${label.slug}`);
    await client.query(
      `insert into glossary_labels (concept_id, language, kind, text, folded, position)
       select $1, $2, $3, $4, $5, coalesce(max(position) + 1, 0)
       from glossary_labels where concept_id = $1 and language = $2`,
      [concept.id, label.language, label.kind ?? 'synonym', label.text, foldLabel(label.text)],
    );
    await client.query(
      `insert into glossary_versions (concept_id, version, note, state)
       select c.id, c.version, 'A word added by a test.', jsonb_build_object(
         'slug', c.slug, 'themes', to_jsonb(c.themes),
         'labels', (select jsonb_agg(jsonb_build_object('language', l.language, 'kind', l.kind, 'text', l.text)
                    order by l.language, l.position) from glossary_labels l where l.concept_id = c.id))
       from glossary_concepts c where c.id = $1`,
      [concept.id],
    );
    if (announce) await client.query(`select pg_notify('glossary_changed', '')`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}
