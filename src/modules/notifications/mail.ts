// E-mails: composed in the recipient's language, written to the outbox in the caller's
// transaction, then delivered by deliverPendingMail. A plain-text part always goes along.
import { escapeHtml } from '@kitajs/html';
import { and, asc, eq, gt, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Locale } from '../../shared/i18n-text.ts';
import { outbox } from './notifications.schema.ts';

export interface MailContent {
  to: string;
  locale: Locale;
  subject: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  /** The one thing to do, as a button in HTML and a bare link in text. */
  action?: { label: string; url: string };
  /** A last, smaller line, e.g. "you can ignore this e-mail if…". */
  footer?: string;
  /**
   * For mail someone subscribed to: the address that stops it when a mail program POSTs
   * "List-Unsubscribe=One-Click" to it (RFC 8058), so their unsubscribe button works in one click.
   */
  oneClickUnsubscribeUrl?: string;
}

export type OutboxRow = typeof outbox.$inferSelect;

export function renderMail(mail: MailContent): { text: string; html: string } {
  const text = [
    ...mail.paragraphs,
    ...(mail.action ? [`${mail.action.label}:\n${mail.action.url}`] : []),
    ...(mail.footer ? [`--\n${mail.footer}`] : []),
  ].join('\n\n');
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html =
    `<!doctype html><html lang="${mail.locale}"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36em">` +
    mail.paragraphs.map(p).join('') +
    (mail.action
      ? `<p style="margin:24px 0"><a href="${escapeHtml(mail.action.url)}" style="background:#0b5cad;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">${escapeHtml(mail.action.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:14px;word-break:break-all">${escapeHtml(mail.action.url)}</p>`
      : '') +
    (mail.footer
      ? `<p style="margin:24px 0 0;font-size:14px;color:#555">${escapeHtml(mail.footer)}</p>`
      : '') +
    '</body></html>';
  return { text, html };
}

/** The headers that go with a mail (RFC 2369 and RFC 8058), or null for none. */
export function mailHeaders(mail: MailContent): Record<string, string> | null {
  if (!mail.oneClickUnsubscribeUrl) return null;
  return {
    'List-Unsubscribe': `<${mail.oneClickUnsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

export async function queueMail(db: Executor, mail: MailContent): Promise<void> {
  await db.insert(outbox).values({
    to: mail.to,
    locale: mail.locale,
    subject: mail.subject,
    headers: mailHeaders(mail),
    ...renderMail(mail),
  });
}

/** Sends a message; throws when the mail server refuses it. */
export type SendMail = (message: {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}) => Promise<void>;

/**
 * Delivers what waits in the outbox, oldest first. Rows are locked while they are sent, so several
 * processes can deliver at once without sending a message twice. A refused message is tried again,
 * waiting longer each time (1, 4, 9 … minutes, then every 6 hours), for three days: a mail server
 * down for a night loses nothing. Each failure is reported to `onFailure` for the logs.
 */
export async function deliverPendingMail(
  db: Executor,
  send: SendMail,
  {
    limit = 20,
    onFailure,
  }: { limit?: number; onFailure?: (to: string, attempts: number, error: unknown) => void } = {},
): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < limit; i++) {
    const sent = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(outbox)
        .where(
          and(
            isNull(outbox.sentAt),
            gt(outbox.createdAt, sql`now() - interval '3 days'`),
            lte(outbox.nextAttemptAt, sql`now()`),
          ),
        )
        .orderBy(asc(outbox.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return null;
      try {
        await send({
          to: row.to,
          subject: row.subject,
          text: row.text,
          html: row.html,
          ...(row.headers ? { headers: row.headers } : {}),
        });
        await tx
          .update(outbox)
          .set({ sentAt: sql`now()`, attempts: row.attempts + 1 })
          .where(eq(outbox.id, row.id));
        return true;
      } catch (error) {
        onFailure?.(row.to, row.attempts + 1, error);
        await tx
          .update(outbox)
          .set({
            attempts: row.attempts + 1,
            lastError: String((error as Error).message).slice(0, 500),
            nextAttemptAt: sql`now() + make_interval(mins => ${Math.min((row.attempts + 1) ** 2, 360)})`,
          })
          .where(eq(outbox.id, row.id));
        return false;
      }
    });
    if (sent === null) break;
    if (sent) delivered++;
  }
  return delivered;
}

/** The newest messages, for the development outbox page. */
export async function listOutbox(db: Executor, limit = 50): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .orderBy(sql`${outbox.createdAt} desc`)
    .limit(limit);
}

/**
 * Sent messages are kept 30 days (to answer "did it go out?"), then deleted: they hold links and
 * names nobody needs afterwards.
 */
export async function purgeSentMail(db: Executor, now: Date): Promise<number> {
  const result = await db
    .delete(outbox)
    .where(and(isNotNull(outbox.sentAt), lt(outbox.sentAt, new Date(now.getTime() - 30 * 86_400_000))));
  return result.rowCount ?? 0;
}
