// Who may read and change good practices. Published ones are for everyone; drafts and unpublished
// ones exist only for the members of the organisation that owns them (and for the moderators, who
// may unpublish and feature). The owner's members write, publish and unpublish; nobody else
// changes a practice's text.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { findUserById } from '../../accounts/index.ts';
import { findMembershipsOfUser, isModerator, organisationWrittenFor } from '../../access/index.ts';
import type { PracticeStatus } from '../knowledge.vocabulary.ts';

/** Who reads a practice: the organisations they belong to, and whether they moderate. */
export interface PracticeReader {
  userId: string | null;
  organisationIds: string[];
  moderator: boolean;
}

export const visitor: PracticeReader = { userId: null, organisationIds: [], moderator: false };

export async function practiceReaderOf(db: Executor, actor: Actor | null): Promise<PracticeReader> {
  if (!actor) return visitor;
  const mine = await findMembershipsOfUser(db, actor.userId);
  return {
    userId: actor.userId,
    organisationIds: mine.map((m) => m.organisationId),
    moderator: isModerator(actor),
  };
}

type Owned = { organisationId: string; status: PracticeStatus };

/** Whether the reader belongs to the organisation that owns the practice. */
export const isOwner = (reader: PracticeReader, practice: Owned) =>
  reader.organisationIds.includes(practice.organisationId);

/** A published practice for everyone; others for the owner's members and the moderators. */
export const maySeePractice = (reader: PracticeReader, practice: Owned) =>
  practice.status === 'published' || isOwner(reader, practice) || reader.moderator;

/** The owner's members change, publish and unpublish it (the practice must exist for them). */
export function requireOwnerMember(actor: Actor, reader: PracticeReader, practice: Owned): void {
  if (!maySeePractice(reader, practice)) throw new AppError('PRACTICE_NOT_FOUND');
  if (!isOwner(reader, practice)) throw new AppError('FORBIDDEN');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
}

/**
 * Whether the practice is off the library because a moderator took it off: then only a moderator
 * publishes it again. Read from who unpublished it and their platform role (no column of its own).
 */
export async function takenDownByModerator(
  db: Executor,
  practice: { status: PracticeStatus; unpublishedBy: string | null },
): Promise<boolean> {
  if (practice.status !== 'unpublished' || !practice.unpublishedBy) return false;
  const user = await findUserById(db, practice.unpublishedBy);
  return user?.platformRole === 'moderator' || user?.platformRole === 'admin';
}

/** Moderators feature practices and unpublish any. */
export function requireModerator(actor: Actor): void {
  if (!isModerator(actor)) throw new AppError('FORBIDDEN');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
}

/** The organisation a new practice is written for: one of the author's, the only one when they have one. */
export async function owningOrganisation(
  db: Executor,
  actor: Actor,
  organisationId: string | undefined,
  problems: FieldProblem[],
): Promise<string> {
  const found = await organisationWrittenFor(db, actor, organisationId);
  if (!found) problems.push({ field: 'organisation', message: 'practice_owner', code: 'practice_owner' });
  return found ?? '';
}
