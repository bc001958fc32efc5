// Writing a service: texts in nl/fr/en, who it is for, access conditions, languages and themes.
// Only changed fields are written, with a version.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../../shared/errors.ts';
import { cleanText, type I18nText } from '../../../../shared/i18n-text.ts';
import { services, serviceThemes, taxonomyTerms } from '../../directory.schema.ts';
import { themeRows } from '../../use-cases/sync-taxonomy.ts';
import {
  type AccessCondition,
  accessConditions,
  communeNisCodes,
  type ServiceStatus,
  serviceStatuses,
  type TargetGroup,
  targetGroups,
} from '../../directory.vocabulary.ts';
import { diff, recordVersion } from '../listing-versions.ts';
import { isUuid } from '../../../../shared/shapes.ts';
import { readLanguages } from '../../language-names.ts';
import { checkEmail, checkWebAddress } from '../../contact-fields.ts';

export const serviceTextFields = [
  'name',
  'description',
  'applicationProcess',
  'feesDescription',
  'eligibilityDescription',
] as const;
export type ServiceTextField = (typeof serviceTextFields)[number];

export interface ServiceInput {
  texts: Record<ServiceTextField, I18nText>;
  url?: string;
  email?: string;
  status: string;
  targetGroups: string[];
  accessConditions: string[];
  /** Languages as typed: names in nl, fr or en ("lingala", "Arabisch") or BCP 47 codes ("ar", "pt-BR"). */
  languages: string[];
  /** Theme and sub-theme codes, e.g. "housing" or "housing.emergency-shelter". */
  themes: string[];
  /** Communes (NIS codes) whose residents alone may use it, as a CPAS/OCMW; none: anyone. */
  residentCommunes?: string[];
}

const knownThemes = new Set(themeRows().map((t) => t.code));

/** The theme codes of a service, sorted. */
async function themesOf(tx: Executor, serviceId: string): Promise<string[]> {
  const rows = await tx
    .select({ code: taxonomyTerms.code })
    .from(serviceThemes)
    .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, serviceThemes.termId))
    .where(eq(serviceThemes.serviceId, serviceId));
  return rows.map((r) => r.code).sort();
}

async function setThemes(tx: Executor, serviceId: string, codes: string[]): Promise<void> {
  await tx.delete(serviceThemes).where(eq(serviceThemes.serviceId, serviceId));
  if (!codes.length) return;
  const terms = await tx
    .select({ id: taxonomyTerms.id })
    .from(taxonomyTerms)
    .where(inArray(taxonomyTerms.code, codes));
  await tx.insert(serviceThemes).values(terms.map((t) => ({ serviceId, termId: t.id })));
}
const maxLength: Record<ServiceTextField, number> = {
  name: 200,
  description: 5_000,
  applicationProcess: 1_000,
  feesDescription: 1_000,
  eligibilityDescription: 1_000,
};

export function checkService(input: ServiceInput) {
  const problems: FieldProblem[] = [];
  const texts = Object.fromEntries(serviceTextFields.map((f) => [f, cleanText(input.texts[f])])) as Record<
    ServiceTextField,
    I18nText
  >;
  if (!Object.keys(texts.name).length)
    problems.push({ field: 'name', message: 'needs one language at least', code: 'name_one_language' });
  for (const field of serviceTextFields) {
    for (const [lang, value] of Object.entries(texts[field])) {
      if (value.length > maxLength[field])
        problems.push({
          field: `${field}.${lang}`,
          message: 'is too long',
          code: `too_long_${maxLength[field]}`,
        });
    }
  }
  const status = serviceStatuses.includes(input.status as ServiceStatus)
    ? (input.status as ServiceStatus)
    : null;
  if (!status) problems.push({ field: 'status', message: 'is not a known status', code: 'choose_one' });
  const unknown = (values: string[], known: readonly string[]) => values.some((v) => !known.includes(v));
  if (unknown(input.targetGroups, targetGroups))
    problems.push({ field: 'target_groups', message: 'has an unknown value', code: 'choose_one' });
  if (unknown(input.accessConditions, accessConditions))
    problems.push({ field: 'access_conditions', message: 'has an unknown value', code: 'choose_one' });
  const residentCommunes = [...new Set(input.residentCommunes ?? [])].sort();
  if (unknown(residentCommunes, communeNisCodes))
    problems.push({ field: 'resident_communes', message: 'has an unknown commune', code: 'choose_one' });
  const { codes: languages, unknown: unread } = readLanguages(input.languages);
  if (unread.length)
    problems.push({ field: 'languages', message: 'has an unknown language', code: 'language_unknown' });
  else if (languages.length > 30)
    problems.push({ field: 'languages', message: 'has too many languages', code: 'language_codes' });
  const themes = [...new Set(input.themes)].sort();
  if (themes.some((code) => !knownThemes.has(code)))
    problems.push({ field: 'themes', message: 'has an unknown theme', code: 'choose_one' });
  const email = checkEmail(input.email, problems);
  const url = checkWebAddress(input.url, 'url', problems);
  return {
    problems,
    themes,
    values: {
      ...texts,
      url,
      email,
      status: status ?? 'active',
      targetGroups: [...new Set(input.targetGroups)] as TargetGroup[],
      accessConditions: [...new Set(input.accessConditions)] as AccessCondition[],
      residentCommunes,
      languages,
    },
  };
}

export async function updateService(
  tx: Executor,
  serviceId: string,
  input: ServiceInput,
  actorId: string,
): Promise<{ changed: string[] }> {
  const { problems, values, themes } = checkService(input);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const [current] = await tx.select().from(services).where(eq(services.id, serviceId)).for('update');
  if (!current) throw new AppError('SERVICE_NOT_FOUND');
  const changes = diff({ ...current, themes: await themesOf(tx, serviceId) }, { ...values, themes });
  if (!Object.keys(changes).length) return { changed: [] };
  await tx
    .update(services)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(services.id, serviceId));
  if (changes.themes) await setThemes(tx, serviceId, themes);
  await recordVersion(tx, {
    recordType: 'service',
    recordId: serviceId,
    organisationId: current.organisationId,
    actorId,
    action: 'update',
    changes,
  });
  return { changed: Object.keys(changes) };
}

/** A new service of an organisation, from the same form; its first version lists every field set. */
export async function insertService(
  tx: Executor,
  organisationId: string,
  input: ServiceInput,
  actorId: string,
): Promise<string> {
  const { problems, values, themes } = checkService(input);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const [row] = await tx
    .insert(services)
    .values({ ...values, organisationId })
    .returning({ id: services.id });
  await setThemes(tx, row!.id, themes);
  const changes = diff({} as Record<string, unknown>, { ...values, themes });
  await recordVersion(tx, {
    recordType: 'service',
    recordId: row!.id,
    organisationId,
    actorId,
    action: 'create',
    changes,
  });
  return row!.id;
}

/** The organisation a service belongs to, or "not found". */
export async function organisationOfService(db: Executor, serviceId: string): Promise<string> {
  const [row] = isUuid(serviceId)
    ? await db
        .select({ organisationId: services.organisationId })
        .from(services)
        .where(eq(services.id, serviceId))
    : [];
  if (!row) throw new AppError('SERVICE_NOT_FOUND');
  return row.organisationId;
}
