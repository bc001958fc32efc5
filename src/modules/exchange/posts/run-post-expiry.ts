// The daily job of the board's dates. Open posts past their date close themselves ('expired'); the
// author of an open post whose date comes within a week is reminded once by e-mail, in their
// language, with a link to change its date, mark it fulfilled or close it (reminded_at; changing
// the date clears it). An author who no longer speaks for the organisation (left it, or deleted
// their account) cannot do any of that: its admins are reminded instead (or, without admins, the
// members who post for it). Each post is locked, marked and its mail queued in one transaction, so
// two runs never remind twice.
import { and, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { findMembersOf } from '../../access/index.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { mailPerson } from '../../notifications/index.ts';
import { exchangePosts } from '../exchange.schema.ts';
import { dayIn } from '../moments.ts';
import { postLimits } from '../exchange.vocabulary.ts';
import { addDays, brusselsDay } from './dates.ts';
import { writingRoles } from './posts.policy.ts';
import { findPost, type PostRow } from './posts.repo.ts';

/** Who is reminded of a post: its author while they speak for its organisation, else its admins. */
async function remindersOf(tx: Executor, post: PostRow) {
  const writers = (await findMembersOf(tx, post.organisationId)).filter((m) =>
    m.roles.some((r) => writingRoles.includes(r)),
  );
  const author = writers.find((m) => m.userId === post.authorId);
  const admins = writers.filter((m) => m.roles.includes('admin'));
  const to = author ? [author] : admins.length ? admins : writers;
  return findUsersByIds(
    tx,
    to.map((m) => m.userId),
  );
}

export async function runPostExpiry(
  db: Database,
  { now, origin }: { now: Date; origin: string },
): Promise<{ expired: number; reminded: number }> {
  const today = brusselsDay(now);
  const expired = await db
    .update(exchangePosts)
    .set({ status: 'expired', updatedAt: now })
    .where(and(eq(exchangePosts.status, 'open'), lt(exchangePosts.until, today)))
    .returning({ id: exchangePosts.id });

  const due = await db
    .select({ id: exchangePosts.id })
    .from(exchangePosts)
    .where(
      and(
        eq(exchangePosts.status, 'open'),
        isNull(exchangePosts.remindedAt),
        lte(exchangePosts.until, addDays(today, postLimits.remindDays)),
      ),
    )
    .orderBy(sql`${exchangePosts.until}`);
  let reminded = 0;
  for (const { id } of due) {
    reminded += await db.transaction(async (tx) => {
      const post = await findPost(tx, id, true);
      // Reminded, closed or changed by another run or a person meanwhile.
      if (!post || post.status !== 'open' || post.remindedAt) return 0;
      await tx.update(exchangePosts).set({ remindedAt: now }).where(eq(exchangePosts.id, id));
      const people = await remindersOf(tx, post);
      for (const person of people)
        await mailPerson(tx, origin, person, {
          kind: 'exchange.mail.reminder',
          values: (locale) => ({
            title: textIn(post.title, locale),
            until: dayIn(locale, post.until),
          }),
          path: `/exchange/${post.id}`,
        });
      return people.length ? 1 : 0;
    });
  }
  return { expired: expired.length, reminded };
}
