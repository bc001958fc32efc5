// The daily digest job: readers in batches (by id), each batch in one transaction that locks their
// bookmarks, reads what is new for all of them in two statements, queues one e-mail per reader with
// news (none for a reader without), and moves their bookmarks to the run's moment. A reader is told
// of a question or answer once; only confirmed addresses get one. A digest reaches back a week at
// most (a first digest, or a job that did not run for days).
import type { Database } from '../../../db/client.ts';
import type { KeyRing } from '../../../shared/field-encryption.ts';
import { isLocale } from '../../../shared/i18n-text.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { queueMail } from '../../notifications/index.ts';
import {
  advanceBookmarks,
  lockBookmarks,
  newAnswersFor,
  newQuestionsFor,
  nextReaders,
} from './digest.repo.ts';
import { digestMail } from './digest-mail.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

const lookBackMs = 7 * 86_400_000;
const beforeEveryId = '00000000-0000-0000-0000-000000000000';

function byReader<T extends { userId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.userId);
    if (list) list.push(row);
    else map.set(row.userId, [row]);
  }
  return map;
}

export async function runFollowDigests(
  db: Database,
  { now, origin, keys, batchSize = 500 }: { now: Date; origin: string; keys: KeyRing; batchSize?: number },
): Promise<{ readers: number; mailed: number }> {
  const floor = new Date(now.getTime() - lookBackMs);
  let after = beforeEveryId;
  let readers = 0;
  let mailed = 0;
  for (;;) {
    const batch = await nextReaders(db, after, batchSize);
    if (!batch.length) break;
    after = batch.at(-1)!;
    const people = (await findUsersByIds(db, batch)).filter((p) => p.emailVerifiedAt !== null);
    if (!people.length) continue;
    readers += people.length;
    const userIds = people.map((p) => p.id);
    mailed += await db.transaction(async (tx) => {
      // Reading starts at the batch's earliest bookmark: usually yesterday's run, not a week back.
      const window = { floor: await lockBookmarks(tx, userIds, floor), until: now };
      const questions = byReader(await newQuestionsFor(tx, userIds, window));
      const answers = byReader(await newAnswersFor(tx, userIds, window));
      let sent = 0;
      for (const person of people) {
        const news = { questions: questions.get(person.id) ?? [], answers: answers.get(person.id) ?? [] };
        if (!news.questions.length && !news.answers.length) continue;
        const locale = isLocale(person.locale) ? person.locale : 'nl';
        await queueMail(
          tx,
          digestMail({ email: person.email, name: person.name, locale }, news, {
            origin,
            unsubscribeToken: unsubscribeToken(keys, person.id),
          }),
        );
        sent++;
      }
      await advanceBookmarks(tx, userIds, now);
      if (sent)
        await recordAudit(tx, {
          event: 'network.digests_sent',
          actorId: null,
          actorEmail: null,
          subjectType: 'follow_digests',
          subjectId: null,
          ip: null,
          details: { readers: userIds.length, mailed: sent },
        });
      return sent;
    });
  }
  return { readers, mailed };
}
