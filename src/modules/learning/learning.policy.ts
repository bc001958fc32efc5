// Who composes paths and who reads their choices. The moderators compose any path (a path of their
// own has no organisation). The admins and editors of an organisation a moderator allowed compose
// that organisation's paths, while it stays allowed. The members of the composing organisation and
// the moderators see how often each choice was made. Everyone reads a published path; a draft
// exists only for those who compose it.
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/shapes.ts';
import { findMembershipsOfUser, isModerator } from '../access/index.ts';
import { allowedAmong } from './composers/composers.repo.ts';

/** What someone may compose: every path, or those of these organisations. */
export interface Composer {
  moderator: boolean;
  organisationIds: string[];
}

/** The organisations someone composes for (admin or editor of an allowed one), and whether a moderator. */
export async function composerOf(db: Executor, actor: Actor | null): Promise<Composer> {
  if (!actor) return { moderator: false, organisationIds: [] };
  const writers = (await findMembershipsOfUser(db, actor.userId))
    .filter((m) => m.roles.some((r) => r === 'admin' || r === 'editor'))
    .map((m) => m.organisationId);
  return { moderator: isModerator(actor), organisationIds: await allowedAmong(db, writers) };
}

export const mayCompose = (c: Composer) => c.moderator || c.organisationIds.length > 0;

export const composes = (c: Composer, path: { organisationId: string | null }) =>
  c.moderator || (path.organisationId !== null && c.organisationIds.includes(path.organisationId));

/** The composer may change this path; a draft of others is not found, a published path of others forbidden. */
export async function requireComposerOf(
  db: Executor,
  actor: Actor,
  path: { organisationId: string | null; status: string },
): Promise<void> {
  const composer = await composerOf(db, actor);
  if (!composes(composer, path))
    throw new AppError(path.status === 'published' ? 'FORBIDDEN' : 'LEARNING_PATH_NOT_FOUND');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
}

/** The organisation a new path is composed for: one of theirs, or none for a moderator. */
export async function composingFor(
  db: Executor,
  actor: Actor,
  organisationId: string | undefined,
): Promise<string | null> {
  const composer = await composerOf(db, actor);
  if (!mayCompose(composer)) throw new AppError('FORBIDDEN');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  const id = organisationId?.trim().toLowerCase() ?? '';
  if (!id) {
    if (composer.moderator) return null;
    if (composer.organisationIds.length === 1) return composer.organisationIds[0]!;
  } else if (isUuid(id) && composer.organisationIds.includes(id)) return id;
  throw new AppError('VALIDATION_FAILED', {
    fields: [{ field: 'organisation', message: 'learning_organisation', code: 'learning_organisation' }],
  });
}

/**
 * Who reads a path's counts of choices: the moderators and the members of its organisation; for a
 * path that is not published (its cards a draft), only those who compose it.
 */
export async function mayReadCounts(
  db: Executor,
  actor: Actor | null,
  path: { organisationId: string | null; status: string },
): Promise<boolean> {
  if (!actor) return false;
  if (isModerator(actor)) return true;
  if (path.status !== 'published') return composes(await composerOf(db, actor), path);
  if (!path.organisationId) return false;
  return (await findMembershipsOfUser(db, actor.userId)).some(
    (m) => m.organisationId === path.organisationId,
  );
}

export function requireModerator(actor: Actor): void {
  if (!isModerator(actor)) throw new AppError('FORBIDDEN');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
}
