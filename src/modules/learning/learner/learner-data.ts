// What the learner's pages read: a path a reader may follow (published, or a draft they compose,
// as a preview), and the words and services a text card links to, named in the reader's language.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { type I18nText, type Locale } from '../../../shared/i18n-text.ts';
import { getServiceBrief } from '../../directory/index.ts';
import { thesaurusConcepts } from '../../glossary/index.ts';
import { composerOf, composes } from '../learning.policy.ts';
import type { Card } from '../paths/cards.ts';
import { findPathBySlug, type PathRow } from '../paths/paths.repo.ts';

export interface ReadablePath {
  path: PathRow;
  /** The reader composes it: they may open it as a draft, and see its choices. */
  composer: boolean;
}

export async function readablePath(db: Executor, actor: Actor | null, slug: string): Promise<ReadablePath> {
  const path = slug.length <= 100 ? await findPathBySlug(db, slug) : undefined;
  if (!path) throw new AppError('LEARNING_PATH_NOT_FOUND');
  const composer = actor ? composes(await composerOf(db, actor), path) : false;
  if (path.status !== 'published' && !composer) throw new AppError('LEARNING_PATH_NOT_FOUND');
  return { path, composer };
}

export interface CardLinks {
  concepts: { slug: string; label: string }[];
  services: { id: string; name: I18nText }[];
}

/** The links of a text card that still exist (a concept or service removed since shows no link). */
export async function cardLinks(db: Executor, card: Card, locale: Locale): Promise<CardLinks> {
  if (card.kind !== 'text') return { concepts: [], services: [] };
  const known = card.concepts.length
    ? new Map((await thesaurusConcepts(db)).map((c) => [c.id, c.terms]))
    : new Map<string, Record<Locale, string[]>>();
  const concepts = card.concepts.flatMap((slug) => {
    const terms = known.get(slug);
    const label = terms?.[locale][0] ?? terms?.en[0] ?? terms?.fr[0] ?? terms?.nl[0];
    return label ? [{ slug, label }] : [];
  });
  const services = [];
  for (const id of card.services) {
    const brief = await getServiceBrief(db, id).catch(() => null);
    if (brief) services.push({ id, name: brief.name as I18nText });
  }
  return { concepts, services };
}
