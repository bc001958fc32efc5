// "My conversations": the posts of the reader's organisations with their status and threads, and
// the threads where their organisations answer others' posts, latest first, with what is unread.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { brusselsDay } from '../posts/dates.ts';
import { organisationNames } from '../posts/organisation-names.ts';
import { exchangeReaderOf, statusOn } from '../posts/posts.policy.ts';
import type { ConversationsData, ThreadSummary } from './page-data.ts';
import { listPostsOf, listThreadsOf, type ThreadListed } from './threads.repo.ts';

/** The lists stop here: older posts and threads are reached from the posts' pages. */
const shown = 100;

export async function conversationsData(db: Executor, actor: Actor, now: Date): Promise<ConversationsData> {
  const reader = await exchangeReaderOf(db, actor);
  const mine = reader.organisationIds;
  const [posts, threads] = await Promise.all([
    listPostsOf(db, mine, shown),
    listThreadsOf(db, mine, actor.userId, shown),
  ]);
  const names = await organisationNames(db, [
    ...mine,
    ...threads.flatMap((t) => [t.organisationId, t.postOrganisationId]),
  ]);
  const today = brusselsDay(now);
  const isMine = (t: ThreadListed) => mine.includes(t.postOrganisationId);
  const summary = (t: ThreadListed, other: string): ThreadSummary => ({
    id: t.id,
    organisation: names.get(other) ?? {},
    lastMessageAt: t.lastMessageAt,
    unread: t.unread,
  });
  return {
    posts: posts.map((p) => ({
      ...p,
      status: statusOn(p, today),
      organisation: names.get(p.organisationId) ?? {},
      threads: threads.filter((t) => t.postId === p.id).map((t) => summary(t, t.organisationId)),
    })),
    answered: threads
      .filter((t) => !isMine(t))
      .map((t) => ({
        ...summary(t, t.postOrganisationId),
        post: {
          id: t.postId,
          title: t.title,
          direction: t.direction,
          status: statusOn({ ...t, organisationId: t.postOrganisationId }, today),
        },
      })),
    member: mine.length > 0,
    unread: threads.reduce((n, t) => n + t.unread, 0),
  };
}

/** The number of unread messages in the reader's threads, for the board's link. */
export async function unreadCount(
  db: Executor,
  actor: Actor,
  reader: { organisationIds: string[] },
): Promise<number> {
  if (!reader.organisationIds.length) return 0;
  const threads = await listThreadsOf(db, reader.organisationIds, actor.userId, shown);
  return threads.reduce((n, t) => n + t.unread, 0);
}
