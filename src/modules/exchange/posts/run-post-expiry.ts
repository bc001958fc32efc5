// The daily job of the board's dates. Open posts past their date close themselves ('expired'); the
// author of an open post whose date comes within a week is reminded once by e-mail, in their
// language, with a link to change its date, mark it fulfilled or close it (reminded_at; changing
// the date clears it). Each post is locked, marked and its mail queued in one transaction, so two
// runs never remind twice.
import { and, eq, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { findUserById } from '../../accounts/index.ts';
import { mailPerson } from '../../notifications/index.ts';
import { exchangePosts } from '../exchange.schema.ts';
import { postLimits } from '../exchange.vocabulary.ts';
import { addDays, brusselsDay } from './dates.ts';
import { findPost } from './posts.repo.ts';

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
        isNotNull(exchangePosts.authorId),
        lte(exchangePosts.until, addDays(today, postLimits.remindDays)),
      ),
    )
    .orderBy(sql`${exchangePosts.until}`);
  let reminded = 0;
  for (const { id } of due) {
    reminded += await db.transaction(async (tx) => {
      const post = await findPost(tx, id, true);
      // Reminded, closed or changed by another run or a person meanwhile.
      if (!post || post.status !== 'open' || post.remindedAt || !post.authorId) return 0;
      await tx.update(exchangePosts).set({ remindedAt: now }).where(eq(exchangePosts.id, id));
      const author = await findUserById(tx, post.authorId);
      if (!author) return 0;
      await mailPerson(tx, origin, author, {
        kind: 'exchange.mail.reminder',
        values: (locale) => ({
          title: textIn(post.title, locale),
          until: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
            new Date(`${post.until}T12:00:00Z`),
          ),
        }),
        path: `/exchange/${post.id}`,
      });
      return 1;
    });
  }
  return { expired: expired.length, reminded };
}
