// Reading and writing the practices table.
import { desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../../db/client.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { fold, words } from '../../search/index.ts';
import { practices } from '../knowledge.schema.ts';

export type PracticeRow = Omit<typeof practices.$inferSelect, 'searchTerms'>;

const { searchTerms: _terms, ...columns } = getTableColumns(practices);

/**
 * Words of the title (in its first language) and a random piece, for the page's address: only
 * a-z, 0-9 and '-', as findPractice reads it (letters fold() keeps, "ı", "ł", Arabic, become '-').
 */
export function newSlug(title: I18nText): string {
  const text = locales.map((l) => title[l]).find(Boolean) ?? '';
  const base = words(text)
    .map(fold)
    .join('-')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `${base || 'practice'}-${randomBytes(3).toString('hex')}`;
}

/** A practice's version as its change form carries it: the moment its texts last changed. */
export const practiceVersion = (practice: { editedAt: Date | null; createdAt: Date }) =>
  String((practice.editedAt ?? practice.createdAt).getTime());

export type PracticeValues = Omit<
  typeof practices.$inferInsert,
  'id' | 'searchTerms' | 'createdAt' | 'updatedAt' | 'slug'
>;

/** Whether an error is PostgreSQL's unique violation of the practices' addresses. */
function isTakenSlug(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === 'practices_slug_idx') return true;
  }
  return false;
}

/**
 * A new practice under an address made of its title; an address already taken (the random piece
 * met again) is tried again with another piece, each try in its own savepoint.
 */
export async function insertPractice(
  tx: Executor,
  values: PracticeValues,
  makeSlug: (title: I18nText) => string = newSlug,
  tries = 5,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await tx.transaction(async (sp) => {
        const [row] = await sp
          .insert(practices)
          .values({ ...values, slug: makeSlug(values.title), searchTerms: sql`''::tsvector` })
          .returning({ id: practices.id, slug: practices.slug });
        return row!;
      });
    } catch (error) {
      if (attempt >= tries || !isTakenSlug(error)) throw error;
    }
  }
}

export async function updatePractice(tx: Executor, id: string, values: Partial<PracticeValues>, now: Date) {
  await tx
    .update(practices)
    .set({ ...values, updatedAt: now })
    .where(eq(practices.id, id));
}

/** A practice by its address or its id (anything else finds nothing). */
export async function findPractice(
  db: Executor,
  key: string,
  lock = false,
): Promise<PracticeRow | undefined> {
  const k = key.trim().toLowerCase();
  if (!/^[a-z0-9-]{1,80}$/.test(k)) return undefined;
  const query = db
    .select(columns)
    .from(practices)
    .where(isUuid(k) ? eq(practices.id, k) : eq(practices.slug, k));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** An organisation's practices, drafts included, the latest changed first. */
export function listOwnPractices(db: Executor, organisationIds: string[]) {
  if (!organisationIds.length) return Promise.resolve([]);
  return db
    .select({
      id: practices.id,
      slug: practices.slug,
      organisationId: practices.organisationId,
      title: practices.title,
      status: practices.status,
      featured: practices.featured,
      updatedAt: practices.updatedAt,
    })
    .from(practices)
    .where(inArray(practices.organisationId, organisationIds))
    .orderBy(desc(practices.updatedAt))
    .limit(200);
}
