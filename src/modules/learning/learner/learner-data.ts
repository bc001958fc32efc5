// What the learner's pages read: a path a reader may follow (published, or a draft they compose,
// as a preview), and the words and services a text card links to, named in the reader's language.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { type I18nText, type Locale } from '../../../shared/i18n-text.ts';
import { getServiceBrief } from '../../directory/index.ts';
import { conceptNames, type GlossaryStore } from '../../glossary/index.ts';
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

/**
 * The links of a text card that still exist (a concept or service removed since shows no link):
 * the concepts' names from this process's copy of the glossary, the services read together.
 */
export async function cardLinks(
  db: Executor,
  glossary: GlossaryStore,
  card: Card,
  locale: Locale,
): Promise<CardLinks> {
  if (card.kind !== 'text') return { concepts: [], services: [] };
  const [concepts, briefs] = await Promise.all([
    conceptNames(glossary, card.concepts, locale),
    Promise.all(card.services.map((id) => getServiceBrief(db, id).catch(() => null))),
  ]);
  const services = card.services.flatMap((id, i) => {
    const brief = briefs[i];
    return brief ? [{ id, name: brief.name as I18nText }] : [];
  });
  return { concepts, services };
}
