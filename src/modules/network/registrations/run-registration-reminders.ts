// The hourly job that reminds everyone with a place of a date starting within a day, once per date
// (event_occurrences.reminded_at), each in the language they registered in. A date is marked and
// its mails queued in one transaction with its row locked, so two runs never remind twice. Each
// mail carries the person's own link, to cancel when they find they cannot come.
import type { Database } from '../../../db/client.ts';
import type { KeyRing } from '../../../shared/field-encryption.ts';
import { mailRegistration } from './registration-mail.ts';
import { placeOf } from './registration-words.ts';
import { findDate, findDatesToRemind, listConfirmedOf, markDateReminded } from './registrations.repo.ts';

export async function runRegistrationReminders(
  db: Database,
  { now, origin, keys }: { now: Date; origin: string; keys: KeyRing },
): Promise<{ dates: number; reminded: number }> {
  let dates = 0;
  let reminded = 0;
  for (const { id } of await findDatesToRemind(db, now)) {
    reminded += await db.transaction(async (tx) => {
      const found = await findDate(tx, id, true);
      // Another run reminded it meanwhile.
      if (!found || found.date.remindedAt) return 0;
      await markDateReminded(tx, id, now);
      const people = await listConfirmedOf(tx, id);
      const place = people.length ? await placeOf(tx, found.event) : { address: null, onlineUrl: null };
      for (const person of people)
        await mailRegistration(tx, { origin, keys }, 'reminder', {
          to: person,
          event: found.event,
          date: found.date,
          place,
        });
      dates++;
      return people.length;
    });
  }
  return { dates, reminded };
}
