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
import { exchangeCallFollows, exchangeCalls } from './calls.schema.ts';
import { callLimits } from './calls.vocabulary.ts';

const day = 86_400_000;
const [farDays, nearDays] = callLimits.remindDays;

type Due = { call_id: string; organisation_id: string; near: boolean };

export async function runCallReminders(
  db: Database,
  { now, origin }: { now: Date; origin: string },
): Promise<{ reminded: number; mails: number }> {
  const at = now.toISOString();
  const { rows: due } = await db.execute<Due>(sql`
    select f.call_id, f.organisation_id, c.closes_at <= ${at}::timestamptz + ${`${nearDays} days`}::interval as near
    from exchange_call_follows f join exchange_calls c on c.id = f.call_id
    where c.status = 'published' and c.closes_at > ${at}::timestamptz
      and ((c.closes_at <= ${at}::timestamptz + ${`${nearDays} days`}::interval and f.reminded_near_at is null)
        or (c.closes_at <= ${at}::timestamptz + ${`${farDays} days`}::interval and f.reminded_far_at is null
            and c.closes_at > ${at}::timestamptz + ${`${nearDays} days`}::interval))
    order by c.closes_at, f.call_id, f.organisation_id`);
  let reminded = 0;
  let mails = 0;
  for (const { call_id: callId, organisation_id: organisationId, near } of due) {
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
      const days = Math.max(1, Math.ceil((call!.closesAt.getTime() - now.getTime()) / day));
      for (const person of people)
        await mailPerson(tx, origin, person, {
          kind: 'exchange.mail.call_reminder',
          values: (locale) => ({
            title: textIn(call!.title, locale),
            days,
            deadline: new Intl.DateTimeFormat(locale, {
              dateStyle: 'full',
              timeStyle: 'short',
              timeZone: call!.timeZone,
            }).format(call!.closesAt),
          }),
          path: `/exchange/calls/${callId}`,
        });
      reminded += 1;
      return people.length;
    });
  }
  return { reminded, mails };
}
