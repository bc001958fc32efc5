// The organisation a person writes for (a question, a practice, an offer): one of theirs. One place,
// so every module that lets members write for their organisation picks it the same way.
import type { Executor } from '../../db/client.ts';
import { type Actor } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/shapes.ts';
import { findMembershipsOfUser } from './access.repo.ts';

/**
 * The organisation asked for when it is one of the person's, or their only one when none is asked;
 * undefined otherwise (the caller says so on its form). Refuses an unverified e-mail address and a
 * person who belongs to no organisation.
 */
export async function organisationWrittenFor(
  db: Executor,
  actor: Actor,
  organisationId: string | undefined,
): Promise<string | undefined> {
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  const mine = await findMembershipsOfUser(db, actor.userId);
  if (!mine.length) throw new AppError('FORBIDDEN');
  const id = organisationId?.trim().toLowerCase() ?? '';
  if (!id && mine.length === 1) return mine[0]!.organisationId;
  return isUuid(id) ? mine.find((m) => m.organisationId === id)?.organisationId : undefined;
}
