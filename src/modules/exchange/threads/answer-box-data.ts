// What a post's page shows about its conversations: to its organisation's members, the threads
// about it; to a member of another organisation, the form to answer (and the thread already there);
// to a visitor, a link to log in.
import type { Executor } from '../../../db/client.ts';
import { organisationKindsOf } from '../../directory/index.ts';
import { informalKinds } from '../exchange.vocabulary.ts';
import type { ExchangeReader } from '../posts/posts.policy.ts';
import { isOwner } from '../posts/posts.policy.ts';
import type { PostRow } from '../posts/posts.repo.ts';
import { organisationNames } from '../posts/organisation-names.ts';
import type { AnswerBox } from './page-data.ts';
import { answeringFor } from './threads.policy.ts';
import { listThreadsOf } from './threads.repo.ts';

export async function answerBoxData(
  db: Executor,
  reader: ExchangeReader,
  post: Pick<PostRow, 'id' | 'organisationId' | 'status' | 'informalMayAnswer'>,
): Promise<AnswerBox> {
  if (!reader.userId) return { mode: 'visitor' };
  const mine = reader.organisationIds;
  const threads = await listThreadsOf(db, mine, reader.userId, 100, post.id);
  const owner = isOwner(reader, post);
  const others = owner ? [] : answeringFor(reader, post);
  const names = await organisationNames(db, [...others, ...threads.map((t) => t.organisationId)]);
  const summaries = threads.map((t) => ({
    id: t.id,
    organisation: names.get(t.organisationId) ?? {},
    lastMessageAt: t.lastMessageAt,
    unread: t.unread,
  }));
  if (owner) return { mode: 'owner', threads: summaries };
  if (!others.length) return { mode: 'none', reason: 'no_organisation' };
  if (post.status !== 'open')
    return summaries.length
      ? { mode: 'answer', organisations: [], threads: summaries }
      : { mode: 'none', reason: 'not_open' };
  const kinds = await organisationKindsOf(db, others);
  const allowed = post.informalMayAnswer
    ? others
    : others.filter((id) => !informalKinds.includes(kinds.get(id) ?? ''));
  if (!allowed.length && !summaries.length) return { mode: 'none', reason: 'informal' };
  return {
    mode: 'answer',
    organisations: allowed.map((id) => ({ id, name: names.get(id) ?? {} })),
    threads: summaries,
  };
}
