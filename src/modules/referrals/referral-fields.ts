// The person's side of a referral, sealed for the database and opened for the two organisations.
// Each value is bound to its row and column (see shared/field-encryption.ts).
import { decryptField, encryptField, type KeyRing } from '../../shared/field-encryption.ts';
import type { referralEvents, referrals } from './referrals.schema.ts';
import type { ConsentMethod, ContactChannel } from './referrals.vocabulary.ts';

export interface PersonDetails {
  /** First name or initials only. */
  name: string;
  languages: string[];
  contactChannel: ContactChannel;
  contactDetail: string | null;
  need: string;
  consent: { method: ConsentMethod; purpose: string; until: string; recordedBy: string | null };
}

type ReferralRow = typeof referrals.$inferSelect;
type EventRow = typeof referralEvents.$inferSelect;

/** The referral columns that hold encrypted text. */
export const encryptedColumns = ['personName', 'contactDetail', 'need', 'consentPurpose'] as const;
type EncryptedColumn = (typeof encryptedColumns)[number];
/** Where a value belongs, bound into its encryption: a value moved elsewhere does not decrypt. */
export const fieldContext = (referralId: string, column: EncryptedColumn) =>
  `referrals.${column}:${referralId}`;

export function sealPerson(keys: KeyRing, referralId: string, person: PersonDetails) {
  const seal = (column: EncryptedColumn, value: string) =>
    encryptField(keys, value, fieldContext(referralId, column));
  return {
    personName: seal('personName', person.name),
    personLanguages: person.languages,
    contactChannel: person.contactChannel,
    contactDetail: person.contactDetail === null ? null : seal('contactDetail', person.contactDetail),
    need: seal('need', person.need),
    consentMethod: person.consent.method,
    consentPurpose: seal('consentPurpose', person.consent.purpose),
    consentUntil: person.consent.until,
    consentRecordedBy: person.consent.recordedBy,
  };
}

/** The person's details, or null once they were purged. */
export function openPerson(keys: KeyRing, row: ReferralRow): PersonDetails | null {
  if (row.purgedAt || !row.personName || !row.need || !row.consentPurpose) return null;
  const open = (column: EncryptedColumn, value: string) =>
    decryptField(keys, value, fieldContext(row.id, column));
  return {
    name: open('personName', row.personName),
    languages: row.personLanguages ?? [],
    contactChannel: row.contactChannel ?? 'through_sender',
    contactDetail: row.contactDetail ? open('contactDetail', row.contactDetail) : null,
    need: open('need', row.need),
    consent: {
      method: row.consentMethod ?? 'spoken',
      purpose: open('consentPurpose', row.consentPurpose),
      until: row.consentUntil ?? '',
      recordedBy: row.consentRecordedBy,
    },
  };
}

/** What a purge leaves of the person: nothing. */
export const purgedPerson = {
  personName: null,
  personLanguages: null,
  contactChannel: null,
  contactDetail: null,
  need: null,
  consentMethod: null,
  consentPurpose: null,
  consentUntil: null,
  consentRecordedBy: null,
} satisfies Partial<ReferralRow>;

export const eventContext = (eventId: string) => `referral_events.body:${eventId}`;

export const sealEventBody = (keys: KeyRing, eventId: string, body: string) =>
  encryptField(keys, body, eventContext(eventId));

export const openEventBody = (keys: KeyRing, event: EventRow) =>
  event.body === null ? null : decryptField(keys, event.body, eventContext(event.id));
