// Reading and writing paths. A path is written whole; a change is made on the row locked, and only
// from the version the composer saw (the form carries it).
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { learningPaths } from '../learning.schema.ts';
import type { PathStatus } from '../learning.vocabulary.ts';
import type { Card } from './cards.ts';
import type { PathRow, PathSummary } from './page-data.ts';

export type { PathRow, PathSummary } from './page-data.ts';

export async function findPathById(db: Executor, id: string): Promise<PathRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(learningPaths).where(eq(learningPaths.id, id));
  return row;
}

export async function findPathBySlug(db: Executor, slug: string): Promise<PathRow | undefined> {
  const [row] = await db.select().from(learningPaths).where(eq(learningPaths.slug, slug));
  return row;
}

/** The path, locked for a change, at the version the composer saw; else NOT_FOUND or CONFLICT. */
export async function lockPath(tx: Executor, id: string, version?: number): Promise<PathRow> {
  if (!isUuid(id)) throw new AppError('LEARNING_PATH_NOT_FOUND');
  const [row] = await tx.select().from(learningPaths).where(eq(learningPaths.id, id)).for('update');
  if (!row) throw new AppError('LEARNING_PATH_NOT_FOUND');
  if (version !== undefined && row.version !== version) throw new AppError('CONFLICT');
  return row;
}

export async function slugTaken(db: Executor, slug: string, except?: string): Promise<boolean> {
  const rows = await db
    .select({ id: learningPaths.id })
    .from(learningPaths)
    .where(eq(learningPaths.slug, slug));
  return rows.some((r) => r.id !== except);
}

export async function insertPath(
  tx: Executor,
  values: {
    slug: string;
    title: I18nText;
    summary: I18nText;
    organisationId: string | null;
    createdBy: string | null;
    cards?: Card[];
    isDemo?: boolean;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(learningPaths)
    .values({ ...values, createdAt: values.now, updatedAt: values.now })
    .returning({ id: learningPaths.id });
  return row!.id;
}

export async function updatePath(
  tx: Executor,
  id: string,
  values: Partial<{ slug: string; title: I18nText; summary: I18nText; cards: Card[]; status: PathStatus }> & {
    publishedAt?: Date | null;
  },
  now: Date,
): Promise<number> {
  const [row] = await tx
    .update(learningPaths)
    .set({ ...values, version: sql`${learningPaths.version} + 1`, updatedAt: now })
    .where(eq(learningPaths.id, id))
    .returning({ version: learningPaths.version });
  return row!.version;
}

/** Published paths listed per page. */
export const pathsPerPage = 50;

/**
 * Paths' numbers of cards by id and version (a change raises the version, so a count is never
 * stale): counting reads the whole stored cards, which the list does not need otherwise.
 */
const cardCounts = new LRUCache<string, number>({ max: 10_000 });

/** A page of the published paths, the latest first, and whether there is a next one. */
export async function listPublishedPaths(
  db: Executor,
  page = 1,
): Promise<{ paths: PathSummary[]; more: boolean }> {
  const rows = await db
    .select({
      id: learningPaths.id,
      slug: learningPaths.slug,
      title: learningPaths.title,
      summary: learningPaths.summary,
      isDemo: learningPaths.isDemo,
      version: learningPaths.version,
    })
    .from(learningPaths)
    .where(eq(learningPaths.status, 'published'))
    .orderBy(desc(learningPaths.publishedAt), asc(learningPaths.slug))
    .limit(pathsPerPage + 1)
    .offset((page - 1) * pathsPerPage);
  const shown = rows.slice(0, pathsPerPage);
  const key = (r: { id: string; version: number }) => `${r.id}/${r.version}`;
  const unknown = shown.filter((r) => !cardCounts.has(key(r))).map((r) => r.id);
  const fresh = new Map<string, number>();
  if (unknown.length) {
    const counted = await db
      .select({
        id: learningPaths.id,
        version: learningPaths.version,
        count: sql<number>`jsonb_array_length(${learningPaths.cards})::int`,
      })
      .from(learningPaths)
      .where(inArray(learningPaths.id, unknown));
    for (const c of counted) {
      cardCounts.set(key(c), c.count);
      fresh.set(c.id, c.count);
    }
  }
  return {
    // A path changed between the two reads shows the count of its new version.
    paths: shown.map(({ version, ...r }) => ({
      ...r,
      cardCount: cardCounts.get(`${r.id}/${version}`) ?? fresh.get(r.id) ?? 0,
    })),
    more: rows.length > pathsPerPage,
  };
}

/** The paths someone composes: all for the moderators, else those of their allowed organisations. */
export function listComposedPaths(db: Executor, organisationIds: string[] | 'all'): Promise<PathRow[]> {
  const where =
    organisationIds === 'all'
      ? undefined
      : organisationIds.length
        ? inArray(learningPaths.organisationId, organisationIds)
        : sql`false`;
  return db.select().from(learningPaths).where(where).orderBy(desc(learningPaths.updatedAt)).limit(500);
}
