// The daily job of the calls' deadlines: the members of each organisation following a published call
// are reminded by e-mail, in their language, 14 days before its deadline and again 3 days before
// (a follow made later gets the reminder it is due, not the one it missed). Each reminder is marked
// on the follow and its mails queued in one transaction, by an update that only one run can make:
// two processes, or a run again, never remind twice. A moved deadline clears the marks (edit-call).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { findMembersOf } from '../../access/index.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { mailPerson } from '../../notifications/index.ts';
import { momentIn } from '../moments.ts';
import { exchangeCallFollows, exchangeCalls } from './calls.schema.ts';
import { callLimits } from './calls.vocabulary.ts';

const [farDays, nearDays] = callLimits.remindDays;

type Due = { call_id: string; organisation_id: string; near: boolean; days_left: number };

/** Days between two moments as Brussels counts them: calendar days, whatever the hour. */
const brusselsDaysLeft = (at: string) =>
  sql`((c.closes_at at time zone 'Europe/Brussels')::date - (${at}::timestamptz at time zone 'Europe/Brussels')::date)`;

export async function runCallReminders(
  db: Database,
  { now, origin }: { now: Date; origin: string },
): Promise<{ reminded: number; mails: number }> {
  const at = now.toISOString();
  // A deadline 14 calendar days ahead in Brussels, at whatever hour, is reminded today (the job
  // runs in the morning): counting 24-hour periods sent most reminders a day late.
  const left = brusselsDaysLeft(at);
  const { rows: due } = await db.execute<Due>(sql`
    select f.call_id, f.organisation_id, ${left} <= ${nearDays} as near, ${left} as days_left
    from exchange_call_follows f join exchange_calls c on c.id = f.call_id
    where c.status = 'published' and c.closes_at > ${at}::timestamptz
      and ((${left} <= ${nearDays} and f.reminded_near_at is null)
        or (${left} <= ${farDays} and ${left} > ${nearDays} and f.reminded_far_at is null))
    order by c.closes_at, f.call_id, f.organisation_id`);
  let reminded = 0;
  let mails = 0;
  for (const { call_id: callId, organisation_id: organisationId, near, days_left: days } of due) {
    mails += await db.transaction(async (tx) => {
      // Marked by the one run whose update finds the mark still empty.
      const marked = await tx
        .update(exchangeCallFollows)
        .set(
          near
            ? {
                remindedNearAt: now,
                remindedFarAt: sql`coalesce(${exchangeCallFollows.remindedFarAt}, ${at}::timestamptz)`,
              }
            : { remindedFarAt: now },
        )
        .where(
          and(
            eq(exchangeCallFollows.callId, callId),
            eq(exchangeCallFollows.organisationId, organisationId),
            // Still published and not yet past, as the call is now (withdrawn or moved meanwhile: none).
            sql`exists (select 1 from exchange_calls c where c.id = ${callId} and c.status = 'published'
                        and c.closes_at > ${at}::timestamptz and ${left} <= ${near ? nearDays : farDays})`,
            near ? isNull(exchangeCallFollows.remindedNearAt) : isNull(exchangeCallFollows.remindedFarAt),
          ),
        )
        .returning({ callId: exchangeCallFollows.callId });
      if (!marked.length) return 0;
      const [call] = await tx
        .select({
          title: exchangeCalls.title,
          closesAt: exchangeCalls.closesAt,
          timeZone: exchangeCalls.timeZone,
        })
        .from(exchangeCalls)
        .where(eq(exchangeCalls.id, callId));
      const members = await findMembersOf(tx, organisationId);
      const people = await findUsersByIds(
        tx,
        members.map((m) => m.userId),
      );
      for (const person of people)
        await mailPerson(tx, origin, person, {
          kind: 'exchange.mail.call_reminder',
          values: (locale) => ({
            title: textIn(call!.title, locale),
            days,
            deadline: momentIn(locale, call!.closesAt, call!.timeZone),
          }),
          path: `/exchange/calls/${callId}`,
        });
      reminded += 1;
      return people.length;
    });
  }
  return { reminded, mails };
}
