// The words of a referral and the rules of its life. Labels: "referral.<list>.<code>" in the i18n files.

export const referralStatuses = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'cancelled',
  'expired',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** A referral in one of these is over: nothing more happens but messages, and retention counts from here. */
export const closedStatuses: readonly ReferralStatus[] = ['declined', 'completed', 'cancelled', 'expired'];
export const isClosed = (status: ReferralStatus) => closedStatuses.includes(status);

export const declineReasons = [
  'no_capacity',
  'not_eligible',
  'out_of_scope',
  'could_not_contact',
  'referred_elsewhere',
] as const;
export type DeclineReason = (typeof declineReasons)[number];

export const outcomes = [
  'helped',
  'partly_helped',
  'not_helped',
  'came_back',
  'no_longer_interested',
] as const;
export type Outcome = (typeof outcomes)[number];

/** Where help fell short: these become need signals for analysts. */
export const unmetDeclineReasons: readonly DeclineReason[] = ['no_capacity', 'not_eligible'];
export const unmetOutcomes: readonly Outcome[] = ['not_helped', 'came_back'];

export const urgencies = ['routine', 'this_week', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];

/** How the receiving organisation reaches the person. */
export const contactChannels = ['phone', 'sms', 'email', 'in_person', 'through_sender'] as const;
export type ContactChannel = (typeof contactChannels)[number];
/** Channels that need a number or an address. */
export const channelsWithDetail: readonly ContactChannel[] = ['phone', 'sms', 'email'];

export const consentMethods = ['spoken', 'signed', 'written_message'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export type Side = 'sender' | 'receiver';

/**
 * What each side may do, from which statuses, and where it leads. Completing is open to both sides:
 * the receiver knows whether it helped, the sender knows when the person came back.
 */
export const transitions = {
  send: { by: ['sender'], from: ['draft'], to: 'sent' },
  accept: { by: ['receiver'], from: ['sent'], to: 'accepted' },
  // Once the work has started, the receiver records how it ended instead (e.g. "not helped").
  decline: { by: ['receiver'], from: ['sent', 'accepted'], to: 'declined' },
  start: { by: ['receiver'], from: ['accepted'], to: 'in_progress' },
  complete: { by: ['receiver', 'sender'], from: ['accepted', 'in_progress'], to: 'completed' },
  cancel: { by: ['sender'], from: ['draft', 'sent', 'accepted', 'in_progress'], to: 'cancelled' },
} as const satisfies Record<
  string,
  { by: readonly Side[]; from: readonly ReferralStatus[]; to: ReferralStatus }
>;
export type ReferralAction = keyof typeof transitions;
export const referralActions = Object.keys(transitions) as ReferralAction[];

export function allowedActions(status: ReferralStatus, side: Side): ReferralAction[] {
  return referralActions.filter((action) => {
    const rule: { by: readonly Side[]; from: readonly ReferralStatus[] } = transitions[action];
    return rule.by.includes(side) && rule.from.includes(status);
  });
}

/** What appears on the timeline. Status changes are named after their action. */
export const eventKinds = [
  'created',
  ...referralActions,
  'expired',
  'reminded',
  'message',
  'consent_withdrawn',
  'purged',
  /** On a referral whose person was then referred to another organisation; links to the new one. */
  'referred_elsewhere',
  /** On that new referral; links back to the one it follows. */
  'follows',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** Outcomes after which either side may refer the person to another organisation. */
export const referElsewhereOutcomes: readonly Outcome[] = ['not_helped', 'came_back'];
export const canReferElsewhere = (referral: { status: ReferralStatus; outcome: Outcome | null }) =>
  referral.status === 'completed' &&
  referral.outcome !== null &&
  referElsewhereOutcomes.includes(referral.outcome);
