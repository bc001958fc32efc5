// Who may read and change offers and requests. Open posts are on the board for everyone; a
// fulfilled, closed or expired one exists only for its organisation's members and the moderators.
// A member of an organisation who has a role there (admin, editor or referrer) posts for it and,
// while a post is open, changes it, marks it fulfilled or closes it; a moderator closes any.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findMembershipsOfUser, isModerator, type OrganisationRole } from '../../access/index.ts';
import type { PostStatus } from '../exchange.vocabulary.ts';
import { problem } from './check-post.ts';

/** The roles that speak for an organisation on the board (a membership without roles does not). */
export const writingRoles: readonly OrganisationRole[] = ['admin', 'editor', 'referrer'];

/** Who reads a post: the organisations they may post for, and whether they moderate. */
export interface ExchangeReader {
  userId: string | null;
  organisationIds: string[];
  moderator: boolean;
}

export const visitor: ExchangeReader = { userId: null, organisationIds: [], moderator: false };

export async function exchangeReaderOf(db: Executor, actor: Actor | null): Promise<ExchangeReader> {
  if (!actor) return visitor;
  const mine = await findMembershipsOfUser(db, actor.userId);
  return {
    userId: actor.userId,
    organisationIds: mine
      .filter((m) => m.roles.some((r) => writingRoles.includes(r)))
      .map((m) => m.organisationId),
    moderator: isModerator(actor),
  };
}

type Owned = { organisationId: string; status: PostStatus; until: string };

/**
 * A post's status on a Brussels date: an open post past its last day is expired, also in the hours
 * before the morning job marks it so (nobody sees, changes or revives it meanwhile).
 */
export const statusOn = (post: Owned, today: string): PostStatus =>
  post.status === 'open' && post.until < today ? 'expired' : post.status;

export const isOwner = (reader: ExchangeReader, post: Pick<Owned, 'organisationId'>) =>
  reader.organisationIds.includes(post.organisationId);

export const maySeePost = (reader: ExchangeReader, post: Owned, today: string) =>
  statusOn(post, today) === 'open' || isOwner(reader, post) || reader.moderator;

/** The owner's members change an open post and mark it fulfilled. */
export function requireOwnerMember(actor: Actor, reader: ExchangeReader, post: Owned, today: string): void {
  if (!maySeePost(reader, post, today)) throw new AppError('EXCHANGE_POST_NOT_FOUND');
  if (!isOwner(reader, post)) throw new AppError('FORBIDDEN');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  if (statusOn(post, today) !== 'open') throw new AppError('EXCHANGE_POST_NOT_OPEN');
}

/** The owner's members close their open post; a moderator closes any. */
export function requireCloser(actor: Actor, reader: ExchangeReader, post: Owned, today: string): void {
  if (!maySeePost(reader, post, today)) throw new AppError('EXCHANGE_POST_NOT_FOUND');
  if (!isOwner(reader, post) && !reader.moderator) throw new AppError('FORBIDDEN');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  if (statusOn(post, today) !== 'open') throw new AppError('EXCHANGE_POST_NOT_OPEN');
}

/** The organisation a new post is for: one the author may post for, the only one when there is one. */
export function postingFor(actor: Actor, reader: ExchangeReader, organisationId: string | undefined): string {
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  const mine = reader.organisationIds;
  if (!mine.length) throw new AppError('FORBIDDEN');
  const id = organisationId?.trim().toLowerCase() ?? '';
  if (!id && mine.length === 1) return mine[0]!;
  if (isUuid(id) && mine.includes(id)) return id;
  throw new AppError('VALIDATION_FAILED', { fields: [problem('organisation', 'exchange_organisation')] });
}
