// The daily freshness round: every listing unconfirmed for six months gets an e-mail, in each
// recipient's language, with a "still correct" link and a link to edit it. Its admins and editors
// receive it; a listing nobody manages yet goes to the organisation's own address, with a link to
// claim it. Run by the daily job; `now` is a parameter so tests can move the clock.
import { translator } from '../../../i18n/index.ts';
import { type Locale, pickText } from '../../../shared/i18n-text.ts';
import { findUsersByIds } from '../../accounts/index.ts';
import { createConfirmationLink, findListingsToRemind, reminderAfterMonths } from './freshness.repo.ts';
import type { Database } from '../../../db/client.ts';
import { queueMail } from '../../notifications/index.ts';
import { findMembersOf } from '../../access/index.ts';

export async function sendFreshnessReminders(
  db: Database,
  { origin, now }: { origin: string; now: Date },
): Promise<{ reminded: number; mails: number }> {
  let reminded = 0;
  let mails = 0;
  for (const listing of await findListingsToRemind(db, now)) {
    await db.transaction(async (tx) => {
      const editors = (await findMembersOf(tx, listing.id)).filter((m) =>
        m.roles.some((r) => r === 'admin' || r === 'editor'),
      );
      const people = await findUsersByIds(
        tx,
        editors.map((m) => m.userId),
      );
      const recipients: { email: string; name?: string; locale: Locale; managed: boolean }[] = people.length
        ? people.map((p) => ({ email: p.email, name: p.name, locale: p.locale as Locale, managed: true }))
        : listing.email
          ? [{ email: listing.email, locale: 'fr', managed: false }]
          : [];
      // Written even when nobody can be reached: it marks the listing as tried this month, so
      // unreachable listings do not fill every day's round.
      const token = await createConfirmationLink(tx, listing.id, now);
      if (!recipients.length) return;
      for (const r of recipients) {
        const t = translator(r.locale);
        const organisation = pickText(listing.name, r.locale)?.text ?? '';
        const editPath = r.managed
          ? `/manage/organisations/${listing.id}/profile`
          : `/organisations/${listing.id}/claim`;
        await queueMail(tx, {
          to: r.email,
          locale: r.locale,
          subject: t.t('directory.mail.freshness.subject', { organisation }),
          paragraphs: [
            ...(r.name ? [t.t('notifications.mail.greeting', { name: r.name })] : []),
            t.t('directory.mail.freshness.body', { organisation, months: reminderAfterMonths }),
            t.t(r.managed ? 'directory.mail.freshness.edit' : 'directory.mail.freshness.claim', {
              link: `${origin}/${r.locale}${editPath}`,
            }),
          ],
          action: {
            label: t.t('directory.mail.freshness.action'),
            url: `${origin}/${r.locale}/confirm-listing?token=${token}`,
          },
        });
        mails++;
      }
      reminded++;
    });
  }
  return { reminded, mails };
}
