// Telling the other side of a thread that a message came: an e-mail to each member who speaks for
// that organisation, in their language, with a link to the thread. It names the organisations and
// the post, never the message or anyone's address (mail leaves our hands; the thread does not).
// Someone who has not read the previous message yet is not mailed again: one mail per unread stretch.
import type { Executor } from '../../../db/client.ts';
import { type I18nText, textIn } from '../../../shared/i18n-text.ts';
import { findMembersOf } from '../../access/index.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { mailPerson } from '../../notifications/index.ts';
import { writingRoles } from '../posts/posts.policy.ts';
import { organisationNames } from '../posts/organisation-names.ts';
import type { ThreadSide } from '../exchange.vocabulary.ts';
import { caughtUp } from './threads.repo.ts';

export async function mailOtherSide(
  tx: Executor,
  ctx: { origin: string; actor: { userId: string }; now: Date },
  thread: { id: string; postTitle: I18nText; from: string; to: string; side: ThreadSide; first: boolean },
): Promise<number> {
  const members = (await findMembersOf(tx, thread.to)).filter(
    (m) => m.userId !== ctx.actor.userId && m.roles.some((r) => writingRoles.includes(r)),
  );
  const ids = members.map((m) => m.userId);
  const due = thread.first ? new Set(ids) : await caughtUp(tx, thread.id, ids, ctx.now, thread.side);
  const people = (await findUsersByIds(tx, [...due])).filter((p) => p.emailVerifiedAt);
  if (!people.length) return 0;
  const names = await organisationNames(tx, [thread.from]);
  const from = names.get(thread.from) ?? {};
  // One after the other: `tx` is one connection.
  for (const person of people)
    await mailPerson(tx, ctx.origin, person, {
      kind: thread.first ? 'exchange.mail.thread_started' : 'exchange.mail.message',
      values: (locale) => ({ from: textIn(from, locale), title: textIn(thread.postTitle, locale) }),
      path: `/exchange/threads/${thread.id}`,
    });
  return people.length;
}
