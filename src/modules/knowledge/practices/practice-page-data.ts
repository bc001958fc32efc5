// A practice's page as its reader may see it: the practice (a draft or an unpublished one only for
// its organisation's members and the moderators), the names of the organisations involved, its
// three lists, its attachments, the active services of the organisations involved (from the
// directory) and related practices. A practice of a demo organisation with no author is demo data
// (demo-practices.ts).
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { getOrganisationBrief, listOrganisationsWithPlaces, listServices } from '../../directory/index.ts';
import { worksheetKinds } from '../knowledge.vocabulary.ts';
import type { PracticePageData, ServiceCard } from './page-data.ts';
import { listAttachments } from './practice-attachments.repo.ts';
import { isOwner, maySeePractice, practiceReaderOf, takenDownByModerator } from './practices.policy.ts';
import { findPractice } from './practices.repo.ts';
import { relatedPractices } from './search-practices.ts';
import { findItems } from './worksheet-items.ts';

/** Services shown per organisation involved, and organisations whose services are shown. */
const servicesEach = 3;
const organisationsWithServices = 8;

/** Whether a practice is one of the demo's: written for a demo organisation by no one. */
async function isDemoPractice(db: Database, practice: { authorId: string | null; organisationId: string }) {
  if (practice.authorId !== null) return false;
  try {
    return (await getOrganisationBrief(db, practice.organisationId)).isDemo;
  } catch (error) {
    if (error instanceof AppError && error.code === 'ORGANISATION_NOT_FOUND') return false;
    throw error;
  }
}

export async function practicePageData(
  db: Database,
  actor: Actor | null,
  key: string,
): Promise<PracticePageData> {
  const [practice, reader] = await Promise.all([findPractice(db, key), practiceReaderOf(db, actor)]);
  if (!practice || !maySeePractice(reader, practice)) throw new AppError('PRACTICE_NOT_FOUND');
  const takenDown = await takenDownByModerator(db, practice);
  const involved = practice.organisationIds;
  const [demo, orgs, items, related, attachments, ...services] = await Promise.all([
    isDemoPractice(db, practice),
    listOrganisationsWithPlaces(db, [practice.organisationId, ...involved], []),
    findItems(db, [...practice.obstacles, ...practice.levers, ...practice.tools]),
    relatedPractices(db, practice),
    listAttachments(db, practice.id),
    ...[practice.organisationId, ...involved]
      .slice(0, organisationsWithServices)
      .map((organisationId) => listServices(db, { organisationId }, { page: 1, perPage: servicesEach })),
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
  const cards: ServiceCard[] = services.flatMap((page) =>
    page.items.map((s) => ({
      id: s.id,
      name: s.name,
      organisation: s.organisation.name,
      communes: [
        ...new Set(s.serviceAtLocations.map((l) => l.location.communeNis).filter((c): c is string => !!c)),
      ],
    })),
  );
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
    demo,
  };
}
