// The outbox against a real PostgreSQL: nothing is lost, nothing is sent twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { deliverPendingMail, purgeSentMail, queueMail, renderMail, type SendMail } from './mail.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});
afterAll(() => database.drop());

const mail = (to: string) => ({
  to,
  locale: 'fr' as const,
  subject: 'Sujet',
  paragraphs: ['Bonjour <Amina> & co,'],
  action: { label: 'Confirmer', url: 'https://passerelle.test/fr/verify-email?token=abc&x=1' },
});

describe('rendering', () => {
  it('escapes HTML and keeps a plain-text part with the bare link', () => {
    const { text, html } = renderMail(mail('a@example.org'));
    expect(html).toContain('Bonjour &lt;Amina> &amp; co,');
    expect(html).toContain('href="https://passerelle.test/fr/verify-email?token=abc&amp;x=1"');
    expect(html).toContain('<html lang="fr">');
    expect(text).toContain('Bonjour <Amina> & co,');
    expect(text).toContain('Confirmer:\nhttps://passerelle.test/fr/verify-email?token=abc&x=1');
  });
});

describe('delivery', () => {
  it('sends each message once, even with two senders at the same time', async () => {
    for (let i = 0; i < 6; i++) await queueMail(database.db, mail(`once${i}@example.org`));
    const sent: string[] = [];
    const send: SendMail = async (m) => {
      await new Promise((r) => setTimeout(r, 5));
      sent.push(m.to);
    };
    const [a, b] = await Promise.all([
      deliverPendingMail(database.db, send),
      deliverPendingMail(database.db, send),
    ]);
    expect(a + b).toBe(6);
    expect(new Set(sent).size).toBe(6);
    expect(sent).toHaveLength(6);
    expect(await deliverPendingMail(database.db, send)).toBe(0);
  });

  it('hands a mail its headers, and none to a mail without', async () => {
    await queueMail(database.db, {
      ...mail('list@example.org'),
      oneClickUnsubscribeUrl: 'https://passerelle.test/follows/unsubscribe/one-click?token=t',
    });
    await queueMail(database.db, mail('plain@example.org'));
    const sent = new Map<string, Record<string, string> | undefined>();
    await deliverPendingMail(database.db, async (m) => void sent.set(m.to, m.headers));
    expect(sent.get('list@example.org')).toEqual({
      'List-Unsubscribe': '<https://passerelle.test/follows/unsubscribe/one-click?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(sent.has('plain@example.org')).toBe(true);
    expect(sent.get('plain@example.org')).toBeUndefined();
  });

  it('deletes sent messages after 30 days, and never one still waiting', async () => {
    await queueMail(database.db, mail('old-sent@example.org'));
    await queueMail(database.db, mail('old-waiting@example.org'));
    await database.pool.query(
      `update outbox set sent_at = now() - interval '31 days' where "to" = 'old-sent@example.org'`,
    );
    await database.pool.query(
      `update outbox set created_at = now() - interval '40 days', next_attempt_at = now() + interval '1 day' where "to" = 'old-waiting@example.org'`,
    );
    expect(await purgeSentMail(database.db, new Date())).toBe(1);
    const { rows } = await database.pool.query(
      `select "to" from outbox where "to" in ('old-sent@example.org', 'old-waiting@example.org')`,
    );
    expect(rows).toEqual([{ to: 'old-waiting@example.org' }]);
  });

  it('keeps a message the server refused, to try again later, and records why', async () => {
    await queueMail(database.db, mail('refused@example.org'));
    const refusing: SendMail = async () => {
      throw new Error('550 mailbox unavailable');
    };
    expect(await deliverPendingMail(database.db, refusing)).toBe(0);
    const { rows } = await database.pool.query(
      `select sent_at, attempts, last_error, next_attempt_at > now() as later from outbox where "to" = 'refused@example.org'`,
    );
    expect(rows[0]).toMatchObject({
      sent_at: null,
      attempts: 1,
      last_error: '550 mailbox unavailable',
      later: true,
    });
    // Not retried before its time.
    expect(await deliverPendingMail(database.db, async () => {})).toBe(0);
  });
});
