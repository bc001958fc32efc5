// A thread's page for one of its two sides (anyone else finds nothing): the post, both
// organisations and the messages, oldest first. Opening it marks it read for that person.
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { brusselsDay } from '../posts/dates.ts';
import { organisationNames } from '../posts/organisation-names.ts';
import { exchangeReaderOf, maySeePost, statusOn } from '../posts/posts.policy.ts';
import { findPost } from '../posts/posts.repo.ts';
import type { ThreadPageData } from './page-data.ts';
import { requireSide } from './threads.policy.ts';
import { findThread, listMessages, markRead } from './threads.repo.ts';

export async function threadPageData(
  db: Database,
  actor: Actor,
  id: string,
  now: Date,
): Promise<ThreadPageData> {
  const [thread, reader] = await Promise.all([findThread(db, id), exchangeReaderOf(db, actor)]);
  const post = thread && (await findPost(db, thread.postId));
  if (!thread || !post) throw new AppError('EXCHANGE_THREAD_NOT_FOUND');
  const side = requireSide(reader, post, thread);
  const messages = await listMessages(db, thread.id);
  const authorIds = [...new Set(messages.flatMap((m) => (m.authorId ? [m.authorId] : [])))];
  const [names, authors] = await Promise.all([
    organisationNames(db, [post.organisationId, thread.organisationId]),
    findUsersByIds(db, authorIds),
  ]);
  const authorName = new Map(authors.map((a) => [a.id, a.name]));
  await markRead(db, thread.id, actor.userId, now);
  const today = brusselsDay(now);
  const poster = { id: post.organisationId, name: names.get(post.organisationId) ?? {} };
  const responder = { id: thread.organisationId, name: names.get(thread.organisationId) ?? {} };
  return {
    thread: { id: thread.id },
    post: {
      id: post.id,
      title: post.title,
      direction: post.direction,
      status: statusOn(post, today),
      visible: maySeePost(reader, post, today),
    },
    side,
    poster,
    responder,
    messages: messages.map((m) => ({
      id: m.id,
      side: m.side,
      organisation: (m.side === 'poster' ? poster : responder).name,
      author: (m.authorId && authorName.get(m.authorId)) || null,
      mine: m.authorId === actor.userId,
      body: m.body,
      createdAt: m.createdAt,
    })),
  };
}
