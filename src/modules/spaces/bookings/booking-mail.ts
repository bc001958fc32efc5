// E-mails about bookings go to the other side, each person in their own language: to the room's
// managers when a room is asked for, booked or cancelled by the asker; to the asker when the owners
// approve, decline or cancel. The person who acted is not told what they just did. On the asking
// side the member who asked is told; when an integration asked, or that member has left, all
// members of the asking organisation are.
import type { Executor } from '../../../db/client.ts';
import { type I18nText, type Locale, pickText } from '../../../shared/i18n-text.ts';
import { findMembership, findMembersOf } from '../../access/index.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { mailPerson } from '../../notifications/index.ts';
import type { SpaceActor } from '../space-context.ts';
import { editsRooms } from '../spaces.policy.ts';

export type BookingMailKind =
  | 'booking_requested'
  | 'booking_booked'
  | 'series_requested'
  | 'series_booked'
  | 'booking_approved'
  | 'series_approved'
  | 'booking_declined'
  | 'owner_cancelled'
  | 'asker_cancelled'
  | 'owner_cancelled_range'
  | 'asker_cancelled_range'
  | 'booking_reminder';

/** Who a booking mail is about: the room, its organisation, and the organisation that asked. */
export interface BookingParties {
  roomId: string;
  roomName: I18nText;
  roomOrganisationId: string;
  askingOrganisationId: string;
  /** The member who asked; null when an integration did. */
  requestedBy: string | null;
}

const nameIn = (name: I18nText, locale: Locale) => pickText(name, locale)?.text ?? '';

async function recipients(db: Executor, side: 'owner' | 'asker', parties: BookingParties) {
  if (side === 'owner')
    return (await findMembersOf(db, parties.roomOrganisationId)).filter(editsRooms).map((m) => m.userId);
  const asker = parties.requestedBy;
  if (asker && (await findMembership(db, asker, parties.askingOrganisationId))) return [asker];
  return (await findMembersOf(db, parties.askingOrganisationId)).map((m) => m.userId);
}

/**
 * Who on `side` hears of a booking, and the names the mails use, read before a write so the
 * transaction that writes only queues the mails (a booking's transaction is short: others wait on
 * it for the slot). `send` queues one mail of `kind` ("spaces.mail.<kind>.subject|body|action") to
 * each of them, except the actor and those `told` already, and returns who it was for. Values:
 * {room}, {owner}, {asker} and `extra`.
 */
export async function bookingMailTo(
  db: Executor,
  ctx: { origin: string; actor?: SpaceActor },
  side: 'owner' | 'asker',
  parties: BookingParties,
) {
  const except = ctx.actor?.kind === 'person' ? ctx.actor.userId : null;
  const ids = (await recipients(db, side, parties)).filter((id) => id !== except);
  const people = ids.length ? await findUsersByIds(db, ids) : [];
  const owner = await getOrganisationBrief(db, parties.roomOrganisationId);
  const asker = await getOrganisationBrief(db, parties.askingOrganisationId);
  const page = side === 'owner' ? 'rooms#requests' : 'bookings';
  const organisation = side === 'owner' ? parties.roomOrganisationId : parties.askingOrganisationId;
  return {
    async send(
      tx: Executor,
      kind: BookingMailKind,
      extra: (locale: Locale) => Record<string, string | number> = () => ({}),
      told: ReadonlySet<string> = new Set(),
    ): Promise<string[]> {
      const to = people.filter((person) => !told.has(person.id));
      for (const person of to) {
        if (!person.emailVerifiedAt) continue;
        await mailPerson(tx, ctx.origin, person, {
          kind: `spaces.mail.${kind}`,
          values: (locale) => ({
            room: nameIn(parties.roomName, locale),
            owner: nameIn(owner.name, locale),
            asker: nameIn(asker.name, locale),
            ...extra(locale),
          }),
          path: `/manage/organisations/${organisation}/${page}`,
        });
      }
      return to.map((person) => person.id);
    },
  };
}

/** Reads who hears of it and queues their mails, all in `db` (usually the caller's transaction). */
export async function mailBookingSide(
  db: Executor,
  ctx: { origin: string; actor?: SpaceActor },
  side: 'owner' | 'asker',
  parties: BookingParties,
  kind: BookingMailKind,
  extra?: (locale: Locale) => Record<string, string | number>,
  told?: ReadonlySet<string>,
): Promise<string[]> {
  return (await bookingMailTo(db, ctx, side, parties)).send(db, kind, extra, told);
}
