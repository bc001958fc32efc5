// Opening one referral: the person's details (decrypted for the two organisations only), the shared
// timeline, and what this reader may do now. Each opening is written to the audit log and marks
// the referral as seen by this person.
import type { OrganisationBrief, Theme } from '../../directory/index.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { getOrganisationBrief, getServiceBrief, getTaxonomy } from '../../directory/index.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { auditReferral, handlingOrganisations, referralForActor, sidesOf } from '../referral-access.ts';
import type { ReferralContext } from '../referral-context.ts';
import { openEventBody, openPerson, type PersonDetails } from '../referral-fields.ts';
import { findEvents, findReferral, findSeenAt, markSeen, type ReferralRow } from '../referrals.repo.ts';
import {
  allowedActions,
  canReferElsewhere,
  type EventKind,
  type ReferralAction,
  type Side,
} from '../referrals.vocabulary.ts';

export interface TimelineEntry {
  id: string;
  at: Date;
  kind: EventKind;
  /** The person who did it; null for the platform, or "api" for an integration. */
  actorName: string | null;
  viaApi: boolean;
  organisationId: string | null;
  reason?: string;
  outcome?: string;
  body: string | null;
  /** Happened since this reader last opened the referral. */
  isNew: boolean;
  /**
   * For "referred elsewhere" and "follows": the other referral, when this reader may open it (one
   * of her organisations is a party to it); null when it is not hers to see.
   */
  linkedReferralId?: string | null;
}

export interface ReferralDetail {
  referral: ReferralRow;
  sides: Side[];
  from: OrganisationBrief;
  to: OrganisationBrief;
  service: { id: string; name: I18nText } | null;
  theme: Pick<Theme, 'code' | 'name'>;
  person: PersonDetails | null;
  consentRecordedByName: string | null;
  actions: ReferralAction[];
  canMessage: boolean;
  canWithdrawConsent: boolean;
  /** Ended "not helped" or "came back": the person may be referred elsewhere from here. */
  canReferElsewhere: boolean;
  timeline: TimelineEntry[];
}

export async function viewReferral(ctx: ReferralContext, id: string): Promise<ReferralDetail> {
  const { referral, sides } = await referralForActor(ctx.db, ctx.actor, id);
  const [events, from, to, taxonomy, service, seenAt] = await Promise.all([
    findEvents(ctx.db, referral.id),
    getOrganisationBrief(ctx.db, referral.fromOrganisationId),
    getOrganisationBrief(ctx.db, referral.toOrganisationId),
    getTaxonomy(ctx.db),
    referral.serviceId ? getServiceBrief(ctx.db, referral.serviceId).catch(() => null) : null,
    lastSeen(ctx, referral.id),
  ]);
  const linkedVisible = await visibleLinkedReferrals(ctx, [
    ...events,
    ...(referral.followsReferralId ? [{ details: { linkedReferralId: referral.followsReferralId } }] : []),
  ]);
  const people = new Map(
    (
      await findUsersByIds(ctx.db, [
        ...new Set([
          ...events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
          ...(referral.consentRecordedBy ? [referral.consentRecordedBy] : []),
        ]),
      ])
    ).map((u) => [u.id, u.name]),
  );
  await ctx.db.transaction(async (tx) => {
    await auditReferral(tx, ctx, 'read', referral.id);
    if (ctx.actor.kind === 'person') await markSeen(tx, referral.id, ctx.actor.userId, ctx.now);
  });
  const themeName = taxonomy.byCode.get(referral.themeCode)?.name ?? { nl: referral.themeCode };
  return {
    // The referral this one follows is named only to those who may open it: the new receiver
    // learns nothing of where the person was before.
    referral: {
      ...referral,
      followsReferralId:
        referral.followsReferralId && linkedVisible.has(referral.followsReferralId)
          ? referral.followsReferralId
          : null,
    },
    sides,
    from,
    to,
    service: service ? { id: service.id, name: service.name } : null,
    theme: { code: referral.themeCode, name: themeName },
    person: openPerson(ctx.keys, referral),
    consentRecordedByName: referral.consentRecordedBy
      ? (people.get(referral.consentRecordedBy) ?? null)
      : null,
    actions: [...new Set(sides.flatMap((side) => allowedActions(referral.status, side)))],
    canMessage: !referral.purgedAt,
    canWithdrawConsent: !referral.consentWithdrawnAt && !referral.purgedAt,
    canReferElsewhere: canReferElsewhere(referral),
    timeline: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      actorName: e.actorId ? (people.get(e.actorId) ?? null) : null,
      viaApi: e.apiTokenId !== null,
      organisationId: e.actorOrganisationId,
      reason: e.details.reason,
      outcome: e.details.outcome,
      body: openEventBody(ctx.keys, e),
      isNew:
        seenAt !== undefined &&
        e.at > seenAt &&
        e.actorId !== (ctx.actor.kind === 'person' ? ctx.actor.userId : null),
      ...(e.details.linkedReferralId
        ? {
            linkedReferralId: linkedVisible.has(e.details.linkedReferralId)
              ? e.details.linkedReferralId
              : null,
          }
        : {}),
    })),
  };
}

/** The linked referrals on the timeline that this reader may open. */
async function visibleLinkedReferrals(
  ctx: ReferralContext,
  events: { details: { linkedReferralId?: string } }[],
): Promise<Set<string>> {
  const ids = [
    ...new Set(events.flatMap((e) => (e.details.linkedReferralId ? [e.details.linkedReferralId] : []))),
  ];
  if (!ids.length) return new Set();
  const own = await handlingOrganisations(ctx.db, ctx.actor);
  const linked = await Promise.all(ids.map((id) => findReferral(ctx.db, id)));
  return new Set(linked.flatMap((r) => (r && sidesOf(r, own).length ? [r.id] : [])));
}

async function lastSeen(ctx: ReferralContext, referralId: string): Promise<Date | undefined> {
  return ctx.actor.kind === 'person' ? findSeenAt(ctx.db, referralId, ctx.actor.userId) : undefined;
}
