// A practice's page as its reader may see it: the practice (a draft or an unpublished one only for
// its organisation's members and the moderators), the names of the organisations involved, its
// three lists, its attachments, the active services of the organisations involved (from the
// directory, one query for all of them) and related practices (from this process's copy of the
// published ones). A practice of a demo organisation with no author is demo data (demo-practices.ts).
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { listOrganisationsWithPlaces, listServicesOfOrganisations } from '../../directory/index.ts';
import { worksheetKinds } from '../knowledge.vocabulary.ts';
import type { PracticePageData, ServiceCard } from './page-data.ts';
import { listAttachments } from './practice-attachments.repo.ts';
import type { PracticesLibrary } from './practices-library.ts';
import { isOwner, maySeePractice, practiceReaderOf, takenDownByModerator } from './practices.policy.ts';
import { findItems, type WorksheetItem } from './worksheet-items.ts';

/** Services shown per organisation involved, and organisations whose services are shown. */
const servicesEach = 3;
const organisationsWithServices = 8;

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
  const all = [practice.organisationId, ...involved];
  const [takenDown, orgs, items, related, attachments, services] = await Promise.all([
    takenDownByModerator(db, practice),
    listOrganisationsWithPlaces(db, all, []),
    itemsOf(db, library, [...practice.obstacles, ...practice.levers, ...practice.tools]),
    library.related(practice),
    listAttachments(db, practice.id),
    listServicesOfOrganisations(db, all.slice(0, organisationsWithServices), servicesEach),
  ]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const byId = new Map(items.map((i) => [i.id, i]));
  const lists = Object.fromEntries(
    worksheetKinds.map((kind) => [
      kind,
      practice[({ obstacle: 'obstacles', lever: 'levers', tool: 'tools' } as const)[kind]].flatMap(
        (id) => byId.get(id) ?? [],
      ),
    ]),
  ) as PracticePageData['lists'];
  const cards: ServiceCard[] = services.map((s) => ({
    id: s.id,
    name: s.name,
    organisation: s.organisationName,
    communes: s.communes,
  }));
  return {
    practice,
    owner: { id: practice.organisationId, name: names.get(practice.organisationId) ?? {} },
    organisations: involved.flatMap((id) => {
      const name = names.get(id);
      return name ? [{ id, name }] : [];
    }),
    lists,
    services: cards,
    related,
    attachments,
    owns: isOwner(reader, practice),
    moderator: reader.moderator,
    takenDown,
    demo: practice.authorId === null && orgs.some((o) => o.id === practice.organisationId && o.isDemo),
  };
}
