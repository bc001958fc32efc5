// Starting a referral: someone who handles referrals for organisation A refers a person to
// organisation B (usually from one of B's services), with the person's consent. Saved as a draft,
// or sent at once, which tells B's people.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { isEmailAddress, isUuid } from '../../../shared/shapes.ts';
import {
  commonLanguages,
  getOrganisationBrief,
  getServiceBrief,
  getTaxonomy,
} from '../../directory/index.ts';
import { geoReference } from '../../geo/index.ts';
import { containsNationalNumber } from '../../../shared/national-number.ts';
import { auditReferral, eventActor, handlingOrganisations, markSeenByActor } from '../referral-access.ts';
import type { ReferralContext } from '../referral-context.ts';
import { type PersonDetails, sealPerson } from '../referral-fields.ts';
import { mailOrganisation } from '../referral-mail.ts';
import { insertEvent, insertReferral } from '../referrals.repo.ts';
import { announceFollowUp, lockFollowedReferral, recordFollows } from './refer-elsewhere.ts';
import {
  channelsWithDetail,
  consentMethods,
  contactChannels,
  type Urgency,
  urgencies,
} from '../referrals.vocabulary.ts';

export interface ReferralInput {
  fromOrganisationId?: string;
  /** The service the person is referred to; its organisation receives the referral. */
  serviceId?: string;
  /** Or the receiving organisation directly. */
  toOrganisationId?: string;
  personName?: string;
  languages?: string[];
  contactChannel?: string;
  contactDetail?: string;
  communeNis?: string;
  /** Monitoring des Quartiers code; the commune follows from it. */
  quartierCode?: string;
  themeCode?: string;
  need?: string;
  urgency?: string;
  consentMethod?: string;
  consentPurpose?: string;
  /** YYYY-MM-DD */
  consentUntil?: string;
  /** The referral this one follows: the person was not helped there and is referred elsewhere. */
  followsReferralId?: string;
}

/** Consent is given for a while: at most a year, after which the daily purge removes the person. */
const maxConsentMonths = 12;
const limits = { personName: 40, contactDetail: 120, need: 1_000, consentPurpose: 300 } as const;

const one = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  list.find((v) => v === value);

/** Every problem of the form at once, each with its own translated message. */
async function check(
  ctx: ReferralContext,
  input: ReferralInput,
): Promise<{ problems: FieldProblem[]; value?: Checked }> {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ field, message: code, code });
  const text = (value: string | undefined) => value?.trim() ?? '';

  const personName = text(input.personName);
  if (!personName) problem('person_name', 'referral_person_name_missing');
  else if (
    personName.length > limits.personName ||
    /\d/.test(personName) ||
    personName.split(/\s+/).length > 3
  )
    problem('person_name', 'referral_person_name_only');

  const languages = [...new Set(input.languages ?? [])];
  if (!languages.length) problem('languages', 'referral_languages');
  else if (languages.some((l) => !commonLanguages.includes(l as never)))
    problem('languages', 'referral_languages');

  const contactChannel = one(contactChannels, input.contactChannel);
  const contactDetail = text(input.contactDetail);
  if (!contactChannel) problem('contact_channel', 'referral_contact_channel');
  else if (channelsWithDetail.includes(contactChannel)) {
    if (!contactDetail) problem('contact_detail', 'referral_contact_detail_missing');
    else if (
      contactChannel === 'email'
        ? !isEmailAddress(contactDetail)
        : !/^\+?[\d\s./()-]{6,25}$/.test(contactDetail)
    )
      problem('contact_detail', contactChannel === 'email' ? 'email_invalid' : 'referral_phone');
  }

  let communeNis = text(input.communeNis);
  if (communeNis && communeNis !== 'outside' && !geoReference().communes.some((c) => c.nis === communeNis))
    problem('commune', 'referral_commune');
  // A quartier says its commune: given alone, the commune is the quartier's; given both, they agree.
  const quartierText = text(input.quartierCode);
  const quartier = /^\d{1,4}$/.test(quartierText) ? geoReference().quartier(Number(quartierText)) : undefined;
  if (quartierText && !quartier) problem('quartier', 'referral_quartier');
  else if (quartier && communeNis && communeNis !== quartier.communeNis)
    problem('quartier', 'referral_quartier_commune');
  else if (quartier) communeNis = quartier.communeNis;

  const themeCode = text(input.themeCode);
  const { byCode } = await getTaxonomy(ctx.db);
  if (!byCode.has(themeCode)) problem('theme', 'referral_theme');

  const need = text(input.need);
  if (!need) problem('need', 'referral_need_missing');
  else if (need.length > limits.need) problem('need', 'referral_need_long');

  const urgency = one(urgencies, input.urgency);
  if (!urgency) problem('urgency', 'referral_urgency');

  const consentMethod = one(consentMethods, input.consentMethod);
  if (!consentMethod) problem('consent_method', 'referral_consent_method');
  const consentPurpose = text(input.consentPurpose);
  if (!consentPurpose || consentPurpose.length > limits.consentPurpose)
    problem('consent_purpose', 'referral_consent_purpose');
  const today = DateTime.fromJSDate(ctx.now, { zone: 'Europe/Brussels' }).startOf('day');
  const until = DateTime.fromISO(text(input.consentUntil), { zone: 'Europe/Brussels' });
  if (!until.isValid || until < today || until > today.plus({ months: maxConsentMonths }))
    problem('consent_until', 'referral_consent_until');

  if (contactDetail.length > limits.contactDetail) problem('contact_detail', 'referral_contact_detail_long');
  for (const [field, value] of [
    ['person_name', personName],
    ['contact_detail', contactDetail],
    ['need', need],
    ['consent_purpose', consentPurpose],
  ] as const) {
    if (containsNationalNumber(value) && !problems.some((p) => p.field === field))
      problem(field, 'national_number');
  }
  if (problems.length) return { problems };
  return {
    problems,
    value: {
      themeCode,
      communeNis: communeNis || null,
      quartierCode: quartier?.code ?? null,
      urgency: urgency!,
      person: {
        name: personName,
        languages,
        contactChannel: contactChannel!,
        contactDetail: contactDetail && channelsWithDetail.includes(contactChannel!) ? contactDetail : null,
        need,
        consent: {
          method: consentMethod!,
          purpose: consentPurpose,
          until: until.toISODate()!,
          recordedBy: ctx.actor.kind === 'person' ? ctx.actor.userId : null,
        },
      },
    },
  };
}

interface Checked {
  themeCode: string;
  communeNis: string | null;
  quartierCode: number | null;
  urgency: Urgency;
  person: PersonDetails;
}

export async function createReferral(
  ctx: ReferralContext,
  input: ReferralInput,
  { send }: { send: boolean },
): Promise<{ id: string }> {
  if (ctx.actor.kind === 'person' && !ctx.actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  const ownOrganisations = await handlingOrganisations(ctx.db, ctx.actor);
  if (!ownOrganisations.length) throw new AppError('FORBIDDEN');

  // Where it goes: the service's organisation, or the organisation named.
  if (!input.serviceId && !input.toOrganisationId)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'service', message: 'referral_to', code: 'referral_to' }],
    });
  let serviceId: string | null = null;
  let toOrganisationId = input.toOrganisationId ?? '';
  if (input.serviceId) {
    const service = await getServiceBrief(ctx.db, input.serviceId);
    serviceId = service.id;
    toOrganisationId = service.organisationId;
  }
  const to = await getOrganisationBrief(ctx.db, toOrganisationId);

  const fromOrganisationId =
    input.fromOrganisationId ?? (ownOrganisations.length === 1 ? ownOrganisations[0] : undefined);
  const { problems, value } = await check(ctx, input);
  if (!fromOrganisationId || !isUuid(fromOrganisationId) || !ownOrganisations.includes(fromOrganisationId))
    problems.unshift({ field: 'from_organisation', message: 'referral_from', code: 'referral_from' });
  else if (fromOrganisationId === to.id)
    problems.unshift({ field: 'from_organisation', message: 'referral_same', code: 'referral_same' });
  if (problems.length || !value || !fromOrganisationId)
    throw new AppError('VALIDATION_FAILED', { fields: problems });

  const from = await getOrganisationBrief(ctx.db, fromOrganisationId);
  const id = randomUUID();
  const actor = eventActor(ctx, from.id);
  await ctx.db.transaction(async (tx) => {
    // Checked under lock, before anything is written: the referral it follows and who may follow it.
    const followed = input.followsReferralId
      ? await lockFollowedReferral(tx, ctx, input.followsReferralId, { from: from.id, to: to.id })
      : null;
    const row = {
      id,
      fromOrganisationId: from.id,
      toOrganisationId: to.id,
      serviceId,
      fromKind: from.kind,
      toKind: to.kind,
      status: send ? ('sent' as const) : ('draft' as const),
      themeCode: value.themeCode,
      communeNis: value.communeNis,
      quartierCode: value.quartierCode,
      followsReferralId: followed?.id ?? null,
      urgency: value.urgency,
      ...sealPerson(ctx.keys, id, value.person),
      createdBy: actor.actorId,
      createdAt: ctx.now,
      sentAt: send ? ctx.now : null,
      updatedAt: ctx.now,
    };
    await insertReferral(tx, row);
    const event = { referralId: id, at: ctx.now, ...actor };
    await insertEvent(tx, { ...event, id: randomUUID(), kind: 'created' });
    if (send) {
      await insertEvent(tx, { ...event, id: randomUUID(), kind: 'send' });
      await mailOrganisation(tx, ctx, row, to.id, 'referral_received');
    }
    if (followed) await recordFollows(tx, ctx, { id, fromOrganisationId: from.id }, followed.id);
    if (followed && send) await announceFollowUp(tx, ctx, followed.id, { id, fromOrganisationId: from.id });
    await markSeenByActor(tx, ctx, id);
    await auditReferral(tx, ctx, send ? 'sent' : 'drafted', id, {
      from: from.id,
      to: to.id,
      ...(followed ? { follows: followed.id } : {}),
    });
  });
  if (send) ctx.mailQueued();
  return { id };
}
