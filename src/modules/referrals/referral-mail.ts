// E-mails about referrals go to the people who handle referrals for an organisation, each in their
// own language. They say which organisations and which theme, never anything about the person:
// mail leaves our hands, the referral page does not.
import type { Executor } from '../../db/client.ts';
import { type I18nText, type Locale, pickText } from '../../shared/i18n-text.ts';
import { findUsersByIds } from '../accounts/index.ts';
import { getOrganisationBrief, getTaxonomy } from '../directory/index.ts';
import { mailPerson } from '../notifications/index.ts';
import type { ReferralContext } from './referral-context.ts';
import type { ReferralRow } from './referrals.repo.ts';
import { canHandleReferrals, findMembersOf } from '../access/index.ts';

export type ReferralMailKind =
  | 'referral_received'
  | 'referral_answered'
  | 'referral_cancelled'
  | 'referral_message'
  | 'referral_reminder'
  | 'referral_waiting'
  | 'referral_expired'
  | 'referral_completed'
  | 'referral_consent_withdrawn';

const nameIn = (name: I18nText, locale: Locale) => pickText(name, locale)?.text ?? '';

/**
 * Mails everyone who handles referrals for `organisationId`, except the person who caused it
 * (no actor: the platform's own jobs).
 */
export async function mailOrganisation(
  db: Executor,
  ctx: Pick<ReferralContext, 'db' | 'origin'> & { actor?: ReferralContext['actor'] },
  referral: Pick<ReferralRow, 'id' | 'fromOrganisationId' | 'toOrganisationId' | 'themeCode'>,
  organisationId: string,
  kind: ReferralMailKind,
  extra: (locale: Locale) => Record<string, string> = () => ({}),
): Promise<void> {
  const except = ctx.actor?.kind === 'person' ? ctx.actor.userId : null;
  const handlers = (await findMembersOf(db, organisationId)).filter(
    (m) => canHandleReferrals(m) && m.userId !== except,
  );
  if (!handlers.length) return;
  // One after the other: `db` is usually the caller's transaction, one connection.
  const people = await findUsersByIds(
    db,
    handlers.map((m) => m.userId),
  );
  const from = await getOrganisationBrief(db, referral.fromOrganisationId);
  const to = await getOrganisationBrief(db, referral.toOrganisationId);
  const taxonomy = await getTaxonomy(ctx.db);
  const theme = taxonomy.byCode.get(referral.themeCode)?.name;
  for (const person of people) {
    if (!person.emailVerifiedAt) continue;
    await mailPerson(db, ctx.origin, person, {
      kind: `referrals.mail.${kind}`,
      values: (locale) => ({
        from: nameIn(from.name, locale),
        to: nameIn(to.name, locale),
        theme: theme ? nameIn(theme, locale) : referral.themeCode,
        ...extra(locale),
      }),
      path: `/referrals/${referral.id}`,
    });
  }
}
