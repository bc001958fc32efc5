// Registering for one date of an event, with or without an account: a name and an e-mail address
// (a signed-in person's own, which they cannot change here). A signed-in person with a verified
// address takes a place (or a waitlist place) at once; anyone else gets an e-mail with a link that
// confirms the address and only then places the registration. One registration per address and
// date: the database refuses a second, even at the same moment (event_registrations_once_idx).
// Visitors register a few times per hour per network address. The registration's id is made here,
// before it is written, so that its link (registration-token.ts) goes in the same transaction's mail.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../shared/actor.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import type { RateLimiter } from '../../../shared/rate-limiter.ts';
import { isEmailAddress } from '../../../shared/shapes.ts';
import { hashToken } from '../../../shared/tokens.ts';
import type { VisitorContext, WithKeys } from '../network-context.ts';
import { countAndTell, isOpen, placeOn } from './place-registration.ts';
import { mailRegistration } from './registration-mail.ts';
import { findDateOfEvent } from './registration-dates.ts';
import { registrationToken } from './registration-token.ts';
import { placeOf } from './registration-words.ts';
import { auditRegistration } from './registrations-audit.ts';
import { isMemberOfSome } from './registrations.policy.ts';
import {
  type DateOfEvent,
  dropUnconfirmed,
  findDate,
  findRegistrationOfAddress,
  insertRegistration,
  unlessRegistered,
} from './registrations.repo.ts';

export const nameMaxLength = 200;

export interface RegistrationInput {
  eventId: string;
  occurrenceId: string;
  name?: string;
  email?: string;
}

export interface RegistrationOutcome {
  id: string;
  status: 'unconfirmed' | 'confirmed' | 'waitlisted';
  /** The secret of the person's link (/registrations/{token}). */
  token: string;
}

/** The date of that event, open for registration and to this person; else why not. */
export async function findOpenDate(
  ctx: Pick<VisitorContext, 'db' | 'now' | 'actor'>,
  eventId: string,
  occurrenceId: string,
): Promise<DateOfEvent> {
  const found = await findDateOfEvent(ctx.db, eventId, occurrenceId);
  if (!isOpen(found, ctx.now)) throw new AppError('REGISTRATION_CLOSED');
  if (found.event.whoMayRegister === 'members' && !(await isMemberOfSome(ctx.db, ctx.actor)))
    throw new AppError('FORBIDDEN');
  return found;
}

function checkPerson(actor: Actor | null, input: RegistrationInput) {
  const problems: FieldProblem[] = [];
  const name = (input.name ?? '').trim();
  const email = actor ? actor.email : (input.email ?? '').trim();
  if (!name) problems.push({ field: 'name', message: 'required', code: 'required' });
  else if (name.length > nameMaxLength)
    problems.push({ field: 'name', message: 'too long', code: 'too_long_200' });
  if (!email) problems.push({ field: 'email', message: 'required', code: 'required' });
  else if (!isEmailAddress(email))
    problems.push({ field: 'email', message: 'not an e-mail address', code: 'email_invalid' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  return { name, email };
}

export async function registerForDate(
  ctx: WithKeys<VisitorContext> & { limit?: RateLimiter },
  input: RegistrationInput,
): Promise<RegistrationOutcome> {
  const { actor } = ctx;
  const found = await findOpenDate(ctx, input.eventId, input.occurrenceId);
  const { name, email } = checkPerson(actor, input);
  if (!actor && ctx.limit) await ctx.limit.consume(ctx.ip ?? 'unknown');
  const atOnce = actor?.emailVerified === true;
  const id = randomUUID();
  const token = registrationToken(ctx.keys, id);
  // Read before the transaction: it holds the date's row locked and stays short.
  const place = atOnce ? await placeOf(ctx.db, found.event) : null;
  const registering = unlessRegistered(() =>
    ctx.db.transaction(async (tx): Promise<RegistrationOutcome> => {
      const locked = atOnce ? await findDate(tx, found.date.id, true) : found;
      if (!locked || !isOpen(locked, ctx.now)) throw new AppError('REGISTRATION_CLOSED');
      // An address never confirmed may register again: the new link replaces the old one.
      await dropUnconfirmed(tx, locked.date.id, email);
      // A verified address takes its place (or waitlist place) as it is written.
      const status = atOnce ? placeOn(locked) : null;
      const registration = await insertRegistration(
        tx,
        {
          id,
          occurrenceId: locked.date.id,
          userId: actor?.userId ?? null,
          name,
          email,
          locale: ctx.locale,
          status: 'unconfirmed',
          // Its first link also opens by its hash, even once the key that signed it left the ring.
          tokenHash: Buffer.from(hashToken(token), 'hex'),
          emailConfirmedAt: atOnce ? ctx.now : null,
          createdAt: ctx.now,
        },
        status ? { status, now: ctx.now } : undefined,
      );
      await auditRegistration(tx, ctx, status ? ['created', status] : 'created', registration.id, {
        occurrence: locked.date.id,
      });
      if (status) {
        await countAndTell(tx, locked, registration, status, ctx, place!);
        return { id: registration.id, status, token };
      }
      await mailRegistration(tx, ctx, 'confirm_address', {
        to: registration,
        event: locked.event,
        date: locked.date,
        place: { address: null, onlineUrl: null },
      });
      return { id: registration.id, status: 'unconfirmed', token };
    }),
  );
  const outcome = atOnce
    ? await registering
    : await registering.catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'ALREADY_REGISTERED')
          return alreadyRegistered(ctx, found, email);
        throw error;
      });
  ctx.mailQueued();
  return outcome;
}

/**
 * Someone not proven to own the address asked again for a date it is registered for. They get the
 * answer any registration gets ("check your mail"), so the form tells nobody who comes; the
 * address's owner is told by e-mail, with nothing the asker typed, and the link of the registration
 * they hold (the mail goes to its address only).
 */
async function alreadyRegistered(
  ctx: WithKeys<VisitorContext>,
  found: DateOfEvent,
  email: string,
): Promise<RegistrationOutcome> {
  await ctx.db.transaction(async (tx) => {
    const held = await findRegistrationOfAddress(tx, found.date.id, email);
    await mailRegistration(tx, ctx, 'already_registered', {
      // To the held registration's own address: one that differs in case gets no link.
      to: held
        ? { id: held.id, email: held.email, name: '', locale: ctx.locale }
        : { email, name: '', locale: ctx.locale },
      event: found.event,
      date: found.date,
      place: { address: null, onlineUrl: null },
    });
  });
  ctx.mailQueued();
  return { id: '', status: 'unconfirmed', token: '' };
}
