// A question's page as its reader may see it: the question, its answers (the accepted one first;
// hidden ones only for moderators), who wrote them for which organisation, the directory's
// services and organisations they point to, and whether the reader follows it.
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findMembershipsOfUser } from '../../access/index.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { listOrganisationsWithPlaces, listServicesByIds } from '../../directory/index.ts';
import type { AnswerView, DirectoryCard, QuestionPageData } from './page-data.ts';
import { followsQuestion, findQuestion, listAnswers } from './questions.repo.ts';
import { maySee, readerWith } from './questions.policy.ts';
import { cachedByIds } from './names-cache.ts';

/** The names of organisations (those gone are left out). */
const organisationNames = (db: Database, ids: string[]) =>
  cachedByIds(
    db,
    'organisation',
    ids,
    async (missing): Promise<Map<string, I18nText>> =>
      new Map((await listOrganisationsWithPlaces(db, missing, [])).map((o) => [o.id, o.name])),
  );

/** The names of people (those gone are left out). */
const peopleNames = (db: Database, ids: string[]) =>
  cachedByIds(
    db,
    'person',
    ids,
    async (missing): Promise<Map<string, string>> =>
      new Map((await findUsersByIds(db, missing)).map((p) => [p.id, p.name])),
  );

export async function questionPageData(
  db: Database,
  actor: Actor | null,
  questionId: string,
): Promise<QuestionPageData> {
  const id = questionId.toLowerCase();
  if (!isUuid(id)) throw new AppError('QUESTION_NOT_FOUND');
  // Two round trips: the question with everything about the reader, then the names.
  const [question, allAnswers, mine, following] = await Promise.all([
    findQuestion(db, id),
    listAnswers(db, id),
    actor ? findMembershipsOfUser(db, actor.userId) : Promise.resolve([]),
    actor ? followsQuestion(db, actor.userId, id) : Promise.resolve(null),
  ]);
  const reader = readerWith(actor, mine);
  if (!question || !maySee(reader, question)) throw new AppError('QUESTION_NOT_FOUND');
  const rows = allAnswers.filter((a) => reader.moderator || !a.hiddenAt);
  const serviceIds = [...new Set(rows.flatMap((a) => a.serviceIds))];
  const [people, services, orgs] = await Promise.all([
    peopleNames(
      db,
      [question.authorId, ...rows.map((a) => a.authorId)].filter((u): u is string => !!u),
    ),
    serviceIds.length
      ? listServicesByIds(db, serviceIds, { page: 1, perPage: serviceIds.length })
      : Promise.resolve({ items: [] }),
    organisationNames(db, [
      ...[question.organisationId, ...rows.map((a) => a.organisationId)].filter((o): o is string => !!o),
      ...rows.flatMap((a) => a.organisationIds),
      ...mine.map((m) => m.organisationId),
    ]),
  ]);
  const nameOf = people;
  const serviceCards = new Map<string, DirectoryCard>(
    services.items.map((s) => [
      s.id,
      {
        kind: 'service',
        id: s.id,
        name: s.name,
        organisation: s.organisation.name,
        communes: [
          ...new Set(s.serviceAtLocations.map((l) => l.location.communeNis).filter((c): c is string => !!c)),
        ],
      },
    ]),
  );
  const byline = (authorId: string | null, organisationId: string | null) => ({
    authorName: authorId ? (nameOf.get(authorId) ?? null) : null,
    organisationName: organisationId ? (orgs.get(organisationId) ?? null) : null,
    // A demo question's made-up posts have no author; a real person's answer there keeps its own.
    demo: question.isDemo && authorId === null,
  });
  const answers: AnswerView[] = rows.map((a) => ({
    ...a,
    ...byline(a.authorId, a.organisationId),
    accepted: a.id === question.acceptedAnswerId && !a.hiddenAt,
    cards: [
      ...a.serviceIds.flatMap((s) => serviceCards.get(s) ?? []),
      ...a.organisationIds.flatMap((o): DirectoryCard[] => {
        const name = orgs.get(o);
        return name ? [{ kind: 'organisation', id: o, name, communes: [] }] : [];
      }),
    ],
  }));
  answers.sort((a, b) => Number(b.accepted) - Number(a.accepted));
  return {
    question: { ...question, ...byline(question.authorId, question.organisationId) },
    answers,
    reader,
    isAsker: actor !== null && question.authorId === actor.userId,
    following,
    writesFor: mine.flatMap((m) => {
      const name = orgs.get(m.organisationId);
      return name ? [{ id: m.organisationId, name }] : [];
    }),
  };
}
