// A practice's page as its reader may see it: the practice (a draft or an unpublished one only for
// its organisation's members and the moderators), the names of the organisations involved, its
// three lists, its attachments, the active services of the organisations involved and related
// practices. For a published practice all of it comes from this process's copies
// (practices-library.ts), so an anonymous reader costs no query and a signed-in one only the
// reading of their memberships; a draft's is read each time. A practice of a demo organisation
// with no author is demo data (demo-practices.ts).
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { worksheetKinds } from '../knowledge.vocabulary.ts';
import type { PracticePageData } from './page-data.ts';
import type { PracticesLibrary } from './practices-library.ts';
import { isOwner, maySeePractice, practiceReaderOf, takenDownByModerator } from './practices.policy.ts';
import { findItems, type WorksheetItem } from './worksheet-items.ts';

/** The practice's items: the shared ones from the library's copy, any other (a draft's new one) read. */
async function itemsOf(db: Database, library: PracticesLibrary, ids: string[]): Promise<WorksheetItem[]> {
  const shared = await library.sharedItemsById();
  const missing = ids.filter((id) => !shared.has(id));
  const read = missing.length ? await findItems(db, missing) : [];
  return [...ids.flatMap((id) => shared.get(id) ?? []), ...read];
}

export async function practicePageData(
  db: Database,
  library: PracticesLibrary,
  actor: Actor | null,
  key: string,
): Promise<PracticePageData> {
  const [practice, reader] = await Promise.all([library.practice(key), practiceReaderOf(db, actor)]);
  if (!practice || !maySeePractice(reader, practice)) throw new AppError('PRACTICE_NOT_FOUND');
  const involved = practice.organisationIds;
  const [takenDown, presented, items, related] = await Promise.all([
    takenDownByModerator(db, practice),
    library.presented(practice),
    itemsOf(db, library, [...practice.obstacles, ...practice.levers, ...practice.tools]),
    library.related(practice),
  ]);
  const { names, services, attachments } = presented;
  const byId = new Map(items.map((i) => [i.id, i]));
  const lists = Object.fromEntries(
    worksheetKinds.map((kind) => [
      kind,
      practice[({ obstacle: 'obstacles', lever: 'levers', tool: 'tools' } as const)[kind]].flatMap(
        (id) => byId.get(id) ?? [],
      ),
    ]),
  ) as PracticePageData['lists'];
  return {
    practice,
    owner: { id: practice.organisationId, name: names.get(practice.organisationId) ?? {} },
    organisations: involved.flatMap((id) => {
      const name = names.get(id);
      return name ? [{ id, name }] : [];
    }),
    lists,
    services,
    related,
    attachments,
    owns: isOwner(reader, practice),
    moderator: reader.moderator,
    takenDown,
    demo: practice.authorId === null && presented.demoOwner,
  };
}
