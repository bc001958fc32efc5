// A new listing entered by people on the platform (not imported): a formal organisation with its
// KBO/BCE number, or an informal group without one. It starts unverified and confirmed today.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { cleanText, type I18nText } from '../../../shared/i18n-text.ts';
import { organisations } from '../directory.schema.ts';
import { type OrganisationKind, organisationKinds } from '../directory.vocabulary.ts';
import { normaliseKbo } from '../kbo.ts';
import { checkEmail, checkWebAddress } from '../contact-fields.ts';

export interface NewOrganisation {
  name: I18nText;
  description: I18nText;
  kind: string;
  /** Required for a formal organisation, refused for none: an informal group may also have one. */
  kboNumber?: string;
  email?: string;
  website?: string;
}

/** The field problems of a new or edited organisation, and its cleaned values. */
export function checkOrganisation(
  input: NewOrganisation,
  /** New listings of formal organisations need their number; older ones, imported or demo, may lack it. */
  { kboRequiredIfFormal = true }: { kboRequiredIfFormal?: boolean } = {},
): {
  problems: FieldProblem[];
  values: {
    name: I18nText;
    description: I18nText;
    kind: OrganisationKind;
    kboNumber: string | null;
    email: string | null;
    website: string | null;
  };
} {
  const problems: FieldProblem[] = [];
  const name = cleanText(input.name);
  const description = cleanText(input.description);
  if (!Object.keys(name).length)
    problems.push({ field: 'name', message: 'needs one language at least', code: 'name_one_language' });
  for (const [lang, value] of Object.entries(name)) {
    if (value.length > 200)
      problems.push({ field: `name.${lang}`, message: 'is too long', code: 'too_long_200' });
  }
  for (const [lang, value] of Object.entries(description)) {
    if (value.length > 5_000)
      problems.push({ field: `description.${lang}`, message: 'is too long', code: 'too_long_5000' });
  }
  const kind = organisationKinds.includes(input.kind as OrganisationKind)
    ? (input.kind as OrganisationKind)
    : null;
  if (!kind) problems.push({ field: 'kind', message: 'is not a known kind', code: 'choose_one' });
  const kboInput = input.kboNumber?.trim() ?? '';
  const kboNumber = kboInput ? normaliseKbo(kboInput) : null;
  if (kboInput && !kboNumber)
    problems.push({ field: 'kbo_number', message: 'is not a valid number', code: 'kbo_invalid' });
  if (!kboInput && kind === 'formal' && kboRequiredIfFormal)
    problems.push({
      field: 'kbo_number',
      message: 'is required for a formal organisation',
      code: 'kbo_required',
    });
  const email = checkEmail(input.email, problems);
  const website = checkWebAddress(input.website, 'website', problems);
  return { problems, values: { name, description, kind: kind ?? 'formal', kboNumber, email, website } };
}

/** One listing per enterprise number. */
export async function checkKboFree(tx: Executor, kboNumber: string, problems: FieldProblem[]): Promise<void> {
  const [taken] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kboNumber, kboNumber));
  if (taken) problems.push({ field: 'kbo_number', message: 'is already listed', code: 'kbo_taken' });
}

/** Creates the listing in the caller's transaction and returns its id. */
export async function createOrganisation(
  tx: Executor,
  input: NewOrganisation,
  today: string,
): Promise<string> {
  const { problems, values } = checkOrganisation(input);
  if (values.kboNumber) await checkKboFree(tx, values.kboNumber, problems);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  // A parallel registration of the same number may commit between the check and the insert.
  const [row] = await tx
    .insert(organisations)
    .values({ ...values, provenanceSource: 'passerelle', lastConfirmedAt: today })
    .onConflictDoNothing({ target: organisations.kboNumber })
    .returning({ id: organisations.id });
  if (!row)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'kbo_number', message: 'is already listed', code: 'kbo_taken' }],
    });
  return row.id;
}
