// What the practice's form needs besides its values: the author's organisations, the themes, the
// shared items, and when changing a practice, the practice itself with its attachments. Shared by
// the form's routes (write-practice.web.ts) and the attachments' (attachments.web.ts), which show
// the same page again when they refuse a file.
import type { FastifyRequest } from 'fastify';
import type { WebDeps } from '../../../http/deps.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { AppError } from '../../../shared/errors.ts';
import type { FormValues } from '../../../shared/form-values.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { findMembershipsOfUser } from '../../access/index.ts';
import { getTaxonomy, listOrganisationsWithPlaces } from '../../directory/index.ts';
import type { PracticeFormData } from '../views/practice-form.page.tsx';
import { listAttachments } from './practice-attachments.repo.ts';
import { practiceReaderOf, requireOwnerMember } from './practices.policy.ts';
import { findPractice } from './practices.repo.ts';
import { themesOf } from './practices.web.ts';
import { listSharedItems } from './worksheet-items.ts';

export async function practiceFormData(
  { db }: Pick<WebDeps, 'db'>,
  userId: string,
  chosen: FormValues,
  editing?: PracticeFormData['editing'],
): Promise<PracticeFormData> {
  const mine = await findMembershipsOfUser(db, userId);
  const ids = ['obstacles', 'levers', 'tools'].flatMap((k) => [chosen[k] ?? []].flat());
  const [orgs, taxonomy, items] = await Promise.all([
    listOrganisationsWithPlaces(
      db,
      mine.map((m) => m.organisationId),
      [],
    ),
    getTaxonomy(db),
    listSharedItems(db, ids, { organisationIds: mine.map((m) => m.organisationId) }),
  ]);
  return {
    organisations: orgs.map((o) => ({ id: o.id, name: o.name })),
    themes: themesOf(taxonomy),
    items,
    editing,
  };
}

/** The practice to change, as the form shows it; only for its organisation's members. */
export async function practiceToEdit(request: FastifyRequest, deps: WebDeps, slug: string) {
  const { db } = deps;
  const kctx = signedInContext(request, deps);
  const [practice, reader] = await Promise.all([findPractice(db, slug), practiceReaderOf(db, kctx.actor)]);
  if (!practice) throw new AppError('PRACTICE_NOT_FOUND');
  requireOwnerMember(kctx.actor, reader, practice);
  const attachments = await listAttachments(db, practice.id);
  return {
    kctx,
    practice,
    editing: { slug: practice.slug, title: textIn(practice.title, kctx.locale), attachments },
  };
}
