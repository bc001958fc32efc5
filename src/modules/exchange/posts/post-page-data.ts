// A post's page: the post (if the reader may see it), its organisation, its matches while it is
// open, and what the reader may do with it.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { organisationNames } from './organisation-names.ts';
import { answerBoxData } from '../threads/answer-box-data.ts';
import { brusselsDay } from './dates.ts';
import { matchPosts } from './match-posts.ts';
import type { PostPageData } from './page-data.ts';
import { exchangeReaderOf, isOwner, maySeePost, statusOn } from './posts.policy.ts';
import { findPost } from './posts.repo.ts';
import { callHelpedBy } from '../calls/calls.repo.ts';

export async function postPageData(
  db: Executor,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<PostPageData> {
  const [found, reader] = await Promise.all([findPost(db, id), exchangeReaderOf(db, actor)]);
  const today = brusselsDay(now);
  if (!found || !maySeePost(reader, found, today)) throw new AppError('EXCHANGE_POST_NOT_FOUND');
  // Past its date, it is shown as expired even before the morning job marks it so.
  const post = { ...found, status: statusOn(found, today) };
  const open = post.status === 'open';
  const matches = open ? await matchPosts(db, post, today) : [];
  const names = await organisationNames(db, [post.organisationId, ...matches.map((m) => m.organisationId)]);
  const owner = isOwner(reader, post);
  const [answer, call] = await Promise.all([answerBoxData(db, reader, post), callHelpedBy(db, post.id)]);
  return {
    post,
    organisation: { id: post.organisationId, name: names.get(post.organisationId) ?? {} },
    matches,
    organisations: names,
    mayChange: owner && post.status === 'open',
    mayClose: (owner || reader.moderator) && post.status === 'open',
    answer,
    call,
  };
}
