// Who owns a survey: the members of its organisation (with a confirmed address), or for a network
// survey the moderators. Owners build and change it, and read all of its results and answers; to
// anyone else an owner's page does not exist.
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { type Actor, findMembership, isModerator } from '../../access/index.ts';

/** The organisation a survey is for (null: the network's), as stored; refuses anyone else. */
export async function requireSurveyOwner(
  db: Executor,
  actor: Actor,
  organisationId: string | null,
): Promise<string | null> {
  if (!(await isSurveyOwner(db, actor, organisationId))) throw new AppError('NOT_FOUND');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  return organisationId?.toLowerCase() ?? null;
}

/**
 * Whether the actor reads a survey as its owner: every count and the written answers, as in the
 * CSV. The same rule as requireSurveyOwner (a confirmed address too), without the refusal.
 */
export async function readsAsSurveyOwner(
  db: Executor,
  actor: Actor | null,
  organisationId: string | null,
): Promise<boolean> {
  return Boolean(actor?.emailVerified) && (await isSurveyOwner(db, actor, organisationId));
}

export async function isSurveyOwner(
  db: Executor,
  actor: Actor | null,
  organisationId: string | null,
): Promise<boolean> {
  if (!actor) return false;
  if (organisationId === null) return isModerator(actor);
  if (!isUuid(organisationId)) return false;
  return Boolean(await findMembership(db, actor.userId, organisationId.toLowerCase()));
}
