// Who may publish, change, follow and read funding calls. Published calls are public. The moderators
// publish calls (for the network, or for an organisation they belong to) and change or withdraw any;
// a member who speaks for an organisation the moderators verified (the directory's verification:
// the trust this module relies on) publishes for it, and its members change or withdraw its calls.
// A withdrawn call exists only for its publisher's members and the moderators. Any member who
// speaks for an organisation follows calls and asks for help with them for it.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { findOrganisationProfiles, type OrganisationProfile } from '../../directory/index.ts';
import { problem } from '../posts/check-post.ts';
import { type ExchangeReader, exchangeReaderOf } from '../posts/posts.policy.ts';
import type { CallStatus } from './calls.vocabulary.ts';

/** A reader with the profiles of the organisations they speak for. */
export interface CallReader extends ExchangeReader {
  organisations: OrganisationProfile[];
}

export async function callReaderOf(db: Executor, actor: Actor | null): Promise<CallReader> {
  const reader = await exchangeReaderOf(db, actor);
  const organisations = reader.organisationIds.length
    ? await findOrganisationProfiles(db, reader.organisationIds)
    : [];
  return { ...reader, organisations };
}

type Owned = { publisherId: string | null; status: CallStatus };

export const isPublisher = (reader: ExchangeReader, call: Pick<Owned, 'publisherId'>) =>
  call.publisherId !== null && reader.organisationIds.includes(call.publisherId);

export const maySeeCall = (reader: ExchangeReader, call: Owned) =>
  call.status === 'published' || isPublisher(reader, call) || reader.moderator;

export const mayChangeCall = (reader: ExchangeReader, call: Owned) =>
  call.status === 'published' && (isPublisher(reader, call) || reader.moderator);

/** Whether the page offers "change": the moderators, or the members of a publisher still verified. */
export const mayEditCall = (reader: CallReader, call: Owned) =>
  mayChangeCall(reader, call) &&
  (reader.moderator || reader.organisations.some((o) => o.id === call.publisherId && o.verified));

/** Whether the reader may publish calls at all (a moderator, or for a verified organisation). */
export const mayPublish = (reader: CallReader) =>
  reader.moderator || reader.organisations.some((o) => o.verified);

/** The publisher of a new call: null for the moderators, else one of the reader's verified organisations. */
export function publishingFor(
  actor: Actor,
  reader: CallReader,
  publisherId: string | undefined,
): string | null {
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  const id = publisherId?.trim().toLowerCase() ?? '';
  if (!id) {
    if (reader.moderator) return null;
    const trusted = reader.organisations.filter((o) => o.verified);
    if (trusted.length === 1) return trusted[0]!.id;
    if (!trusted.length) throw new AppError('EXCHANGE_CALL_NOT_TRUSTED');
    throw new AppError('VALIDATION_FAILED', { fields: [problem('organisation', 'exchange_organisation')] });
  }
  const mine = isUuid(id) ? reader.organisations.find((o) => o.id === id) : undefined;
  if (!mine)
    throw new AppError('VALIDATION_FAILED', { fields: [problem('organisation', 'exchange_organisation')] });
  if (!mine.verified && !reader.moderator) throw new AppError('EXCHANGE_CALL_NOT_TRUSTED');
  return mine.id;
}

export function requireChanger(actor: Actor, reader: ExchangeReader, call: Owned): void {
  if (!maySeeCall(reader, call)) throw new AppError('EXCHANGE_CALL_NOT_FOUND');
  if (!isPublisher(reader, call) && !reader.moderator) throw new AppError('FORBIDDEN');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  if (call.status !== 'published') throw new AppError('EXCHANGE_CALL_WITHDRAWN');
}

/**
 * Changing a call's text or link, as publishing it, needs the trust of the moderators: an
 * organisation whose verification was withdrawn may still withdraw its calls, not rewrite them.
 */
export function requireEditor(actor: Actor, reader: CallReader, call: Owned): void {
  requireChanger(actor, reader, call);
  if (reader.moderator) return;
  if (!reader.organisations.some((o) => o.id === call.publisherId && o.verified))
    throw new AppError('EXCHANGE_CALL_NOT_TRUSTED');
}

/** The organisation a member acts for (following, asking for help): one they speak for. */
export function actingFor(actor: Actor, reader: ExchangeReader, organisationId: string | undefined): string {
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  const mine = reader.organisationIds;
  if (!mine.length) throw new AppError('FORBIDDEN');
  const id = organisationId?.trim().toLowerCase() ?? '';
  if (!id && mine.length === 1) return mine[0]!;
  if (!id)
    throw new AppError('VALIDATION_FAILED', { fields: [problem('organisation', 'exchange_organisation')] });
  // An organisation that is not theirs: none of theirs to act for.
  if (!isUuid(id) || !mine.includes(id)) throw new AppError('FORBIDDEN');
  return id;
}
