// What the daily digest reads and writes, set-based: one statement per batch of readers for their
// new questions, one for their new answers, whatever the number of follows. Each reader's window
// starts at their bookmark (follow_digests.sent_up_to) or when they began to follow, whichever is
// later, never more than `floor` back, and ends at the run's moment.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { memberships } from '../../access/index.ts';
import { answers, followDigests, follows, questions } from '../network.schema.ts';

const ids = (userIds: string[]) => sql`(select unnest(${sql.param(userIds)}::uuid[]))`;

/** The next readers after `after` (in id order), for the next batch. */
export async function nextReaders(db: Executor, after: string, limit: number): Promise<string[]> {
  const { rows } = await db.execute<{ user_id: string }>(
    sql`select user_id from ${follows} where user_id > ${after}::uuid
        group by user_id order by user_id limit ${limit}`,
  );
  return rows.map((r) => r.user_id);
}

/**
 * Gives each reader of the batch a bookmark (a first one at their first follow, at most `floor`
 * back) and locks them until the transaction ends: a second run at the same time waits, then finds
 * the windows already told. The earliest bookmark of the batch: where its reading starts.
 */
export async function lockBookmarks(tx: Executor, userIds: string[], floor: Date): Promise<Date> {
  await tx.execute(
    sql`insert into ${followDigests} (user_id, sent_up_to)
        select user_id, greatest(min(created_at), ${floor.toISOString()}::timestamptz) from ${follows}
        where user_id in ${ids(userIds)} group by user_id on conflict (user_id) do nothing`,
  );
  const { rows } = await tx.execute<{ sent_up_to: string }>(
    sql`select sent_up_to from ${followDigests} where user_id in ${ids(userIds)} order by user_id for update`,
  );
  if (!rows.length) return floor;
  const earliest = Math.min(...rows.map((r) => new Date(r.sent_up_to).getTime()));
  return new Date(Math.max(earliest, floor.getTime()));
}

export async function advanceBookmarks(tx: Executor, userIds: string[], upTo: Date): Promise<void> {
  await tx.execute(
    sql`update ${followDigests} set sent_up_to = ${upTo.toISOString()}::timestamptz
        where user_id in ${ids(userIds)} and sent_up_to < ${upTo.toISOString()}::timestamptz`,
  );
}

export type NewQuestion = {
  userId: string;
  id: string;
  title: string;
  language: string;
};

export type NewAnswers = {
  userId: string;
  questionId: string;
  title: string;
  language: string;
  count: number;
};

/** Readable by this follow's reader: not hidden, and members-only only for members. */
const readable = sql`q.hidden_at is null and (q.visibility = 'everyone'
  or exists (select 1 from ${memberships} m where m.user_id = f.user_id))`;
const windowOf = (created: ReturnType<typeof sql>, floor: Date, until: Date) =>
  sql`${created} > greatest(f.created_at, d.sent_up_to, ${floor.toISOString()}::timestamptz)
      and ${created} <= ${until.toISOString()}::timestamptz`;

/**
 * New questions in the themes the readers follow, not their own. A theme includes its sub-themes,
 * whose codes are "<theme>.<sub-theme>" (the taxonomy has two levels): each of a question's codes
 * stands for itself and its theme, matched to the follows by equality (a hash join). The
 * questions' activity index finds the few recent ones first (a question is active from its creation).
 */
export async function newQuestionsFor(
  tx: Executor,
  userIds: string[],
  { floor, until }: { floor: Date; until: Date },
): Promise<NewQuestion[]> {
  const { rows } = await tx.execute<NewQuestion & { created_at: Date }>(
    sql`select distinct on (f.user_id, q.id) f.user_id as "userId", q.id, q.title, q.language, q.created_at
        from ${questions} q
        cross join lateral unnest(q.themes) as c(code)
        cross join lateral unnest(array[c.code, split_part(c.code, '.', 1)]) as k(code)
        join ${follows} f on f.theme_code = k.code and f.user_id in ${ids(userIds)}
        join ${followDigests} d on d.user_id = f.user_id
        where q.last_activity_at > ${floor.toISOString()}::timestamptz
          and ${windowOf(sql`q.created_at`, floor, until)}
          and q.author_id is distinct from f.user_id and ${readable}
        order by f.user_id, q.id`,
  );
  return rows
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
    .map(({ userId, id, title, language }) => ({ userId, id, title, language }));
}

/**
 * New answers, by question, to the questions the readers follow: not their own, not hidden. The
 * plain bound on created_at lets the answers' index of creation find the day's few answers first.
 */
export async function newAnswersFor(
  tx: Executor,
  userIds: string[],
  { floor, until }: { floor: Date; until: Date },
): Promise<NewAnswers[]> {
  const { rows } = await tx.execute<NewAnswers>(
    sql`select f.user_id as "userId", q.id as "questionId", q.title, q.language, count(*)::int as count
        from ${follows} f
        join ${followDigests} d on d.user_id = f.user_id
        join ${questions} q on q.id = f.question_id
        join ${answers} a on a.question_id = f.question_id and ${windowOf(sql`a.created_at`, floor, until)}
          and a.created_at > ${floor.toISOString()}::timestamptz
        where f.user_id in ${ids(userIds)} and f.question_id is not null
          and a.hidden_at is null and a.author_id is distinct from f.user_id and ${readable}
        group by f.user_id, q.id, q.title, q.language
        order by f.user_id, max(a.created_at)`,
  );
  return rows;
}
