// Contact persons ("netwerkers"): the people of an organisation others can ask for by name. Added,
// changed and removed from the listing's editing pages; each change is a version.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../../shared/errors.ts';
import { cleanText, type I18nText } from '../../../../shared/i18n-text.ts';
import { contacts } from '../../directory.schema.ts';
import { diff, recordVersion, removal } from '../listing-versions.ts';
import { deleteOwnRow, lockOwnRow } from '../own-rows.ts';
import { isEmailAddress } from '../../../../shared/shapes.ts';
import { readLanguages } from '../../language-names.ts';

export interface ContactInput {
  name: string;
  title: I18nText;
  email?: string;
  phone?: string;
  /** Languages as typed: names in nl, fr or en, or BCP 47 codes. */
  languages: string[];
}

// Belgian and international numbers as people write them: digits, spaces, dots, slashes, a leading +.
const phoneShape = /^\+?[0-9][0-9 ./()-]{5,24}$/;

export function checkContact(input: ContactInput) {
  const problems: FieldProblem[] = [];
  const name = input.name.trim();
  if (!name) problems.push({ field: 'contact_name', message: 'is required', code: 'required' });
  if (name.length > 100)
    problems.push({ field: 'contact_name', message: 'is too long', code: 'too_long_100' });
  const title = cleanText(input.title);
  for (const [lang, value] of Object.entries(title))
    if (value.length > 200)
      problems.push({ field: `title.${lang}`, message: 'is too long', code: 'too_long_200' });
  const email = input.email?.trim().toLowerCase() || null;
  if (email && !isEmailAddress(email))
    problems.push({ field: 'email', message: 'is not an e-mail address', code: 'email_invalid' });
  const phone = input.phone?.trim() || null;
  if (phone && !phoneShape.test(phone))
    problems.push({ field: 'phone', message: 'is not a phone number', code: 'phone_invalid' });
  const { codes: languages, unknown } = readLanguages(input.languages);
  if (unknown.length)
    problems.push({ field: 'languages', message: 'has an unknown language', code: 'language_unknown' });
  else if (languages.length > 20)
    problems.push({ field: 'languages', message: 'has too many languages', code: 'language_codes' });
  return { problems, values: { name, title, email, phone, languages } };
}

/** Adds a contact person (no id) or changes one of this organisation's; returns its id. */
export async function writeContact(
  tx: Executor,
  organisationId: string,
  contactId: string | null,
  input: ContactInput,
  actorId: string,
): Promise<string> {
  const { problems, values } = checkContact(input);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  if (!contactId) {
    const [row] = await tx
      .insert(contacts)
      .values({ ...values, organisationId })
      .returning({ id: contacts.id });
    await recordVersion(tx, {
      recordType: 'contact',
      recordId: row!.id,
      organisationId,
      actorId,
      action: 'create',
      changes: diff({} as Record<string, unknown>, values),
    });
    return row!.id;
  }
  const current = await lockOwnRow(tx, contacts, contactId, organisationId);
  const changes = diff(current, values);
  if (Object.keys(changes).length) {
    await tx.update(contacts).set(values).where(eq(contacts.id, contactId));
    await recordVersion(tx, {
      recordType: 'contact',
      recordId: contactId,
      organisationId,
      actorId,
      action: 'update',
      changes,
    });
  }
  return contactId;
}

export async function removeContact(
  tx: Executor,
  organisationId: string,
  contactId: string,
  actorId: string,
): Promise<void> {
  const removed = await deleteOwnRow(tx, contacts, contactId, organisationId);
  const { id: _id, organisationId: _org, serviceId: _service, ...before } = removed;
  await recordVersion(tx, {
    recordType: 'contact',
    recordId: contactId,
    organisationId,
    actorId,
    action: 'delete',
    changes: removal(before),
  });
}
