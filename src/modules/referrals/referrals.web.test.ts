// Referrals through the real HTTP app and PostgreSQL: the whole loop from A to B and back, what
// others cannot see, bad input, encryption at rest, consent withdrawal, two answers at once, and
// the reminder, expiry and retention jobs with a clock the test controls.
import { describe, expect, it } from 'vitest';
import { FormClient, lastMailTo } from '../../../test/helpers/form-client.ts';
import { referralForm, sendReferral, useReferralWorld } from '../../../test/helpers/referrals.ts';
import { expectRefused } from '../../../test/helpers/refused.ts';
import { testConfig } from '../../../test/helpers/test-app.ts';
import { eq } from 'drizzle-orm';
import { generateKey, parseKeyRing } from '../../shared/field-encryption.ts';
import { openPerson } from './referral-fields.ts';
import { referrals } from './referrals.schema.ts';
import { rotateEncryptionKey } from './use-cases/rotate-encryption-key.ts';
import { addWorkingDays } from './working-days.ts';
import { purgeClosedReferrals } from './use-cases/purge-closed-referrals.ts';
import { runReferralDeadlines } from './use-cases/run-referral-deadlines.ts';

const world = useReferralWorld({
  sender: { in: 'orgA', roles: ['referrer'], locale: 'en', name: 'Sara' },
  receiver: { in: 'orgB', roles: ['referrer'], locale: 'fr', name: 'Karim' },
  receiver2: { in: 'orgB', roles: ['admin'], locale: 'nl', name: 'Lotte' },
});

const settings = { reminderWorkingDays: 3, expiryDays: 14, retentionDays: 90 };
const statusOf = async (id: string) =>
  (await world.sql('select status from referrals where id = $1', [id]))[0]?.status;
const events = async (id: string) =>
  (await world.sql('select kind::text from referral_events where referral_id = $1 order by seq', [id])).map(
    (r) => r.kind,
  );

describe('a referral from A to B', () => {
  it('goes from the form to B, is answered, and ends with an outcome both sides see', async () => {
    const form = await world.sender.get(`/en/referrals/new?service=${world.serviceB}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Never write a national register number');
    // The service's own theme is chosen already.
    expect(form.body).toContain(`<option value="${world.themeB}" selected>`);
    const id = await sendReferral(world.sender, world);
    expect(await statusOf(id)).toBe('sent');

    // B's people are told in their own language; the mail says nothing about the person.
    const mail = await lastMailTo(world.t.database, world.receiver.email);
    expect(mail?.subject).toMatch(/^Nouvelle orientation de /);
    expect(mail?.text).not.toContain('Fatima');
    expect(mail?.link).toContain(`/fr/referrals/${id}`);
    expect((await lastMailTo(world.t.database, world.receiver2.email))?.locale).toBe('nl');

    // In-app: B's menu counts it until it is opened.
    const inbox = await world.receiver.get('/fr/referrals');
    expect(inbox.body).not.toContain('Fatima'); // lists carry nothing about the person
    expect(inbox.body).toMatch(/Orientations\s*<span class="badge new">1 nouvelle<\/span>/);
    const page = await world.receiver.get(`/fr/referrals/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Fatima B.');
    expect(page.body).toContain('0470 12 34 56');
    // The theme in the reader's language only.
    const [theme] = await world.sql('select name from taxonomy_terms where code = $1', [world.themeB]);
    const themeCell = /<span class="theme-name">([\s\S]*?)<\/span>\s*<\/dd>/.exec(page.body)![1]!;
    expect(themeCell).toContain(theme.name.fr);
    expect(themeCell).not.toContain(theme.name.nl);
    expect(themeCell).not.toContain(' · ');
    expect((await world.receiver.get('/fr/referrals')).body).not.toContain('badge new');

    // A question in the thread, then acceptance, start and completion.
    await world.receiver.post(`/fr/referrals/${id}/messages`, {
      message: 'Est-ce que la famille a déjà une carte médicale ?',
    });
    expect((await lastMailTo(world.t.database, world.sender.email))?.subject).toMatch(
      /New message on a referral/,
    );
    const accepted = await world.receiver.post(`/fr/referrals/${id}/accept`, {});
    expect(accepted.statusCode).toBe(303);
    expect((await lastMailTo(world.t.database, world.sender.email))?.subject).toMatch(/: Accepted$/);
    await world.receiver.get(`/fr/referrals/${id}`);
    await world.receiver.post(`/fr/referrals/${id}/start`, {});
    await world.receiver.get(`/fr/referrals/${id}`);
    const done = await world.receiver.post(`/fr/referrals/${id}/complete`, {
      outcome: 'partly_helped',
      outcome_note: 'Colis alimentaire donné, suivi CPAS à prévoir.',
    });
    expect(done.statusCode).toBe(303);
    expect(await statusOf(id)).toBe('completed');
    expect(await events(id)).toEqual(['created', 'send', 'message', 'accept', 'start', 'complete']);

    // The same timeline on both sides.
    const senderView = (await world.sender.get(`/en/referrals/${id}`)).body;
    const receiverView = (await world.receiver.get(`/en/referrals/${id}`)).body;
    const timeline = (html: string) =>
      /<ol class="timeline">[\s\S]*?<\/ol>/
        .exec(html)![0]
        .replace(/<span class="badge new">[^<]*<\/span>/g, '')
        .replace(/<li class="is-new">/g, '<li>');
    expect(timeline(senderView)).toBe(timeline(receiverView));
    expect(senderView).toContain('Partly helped');
    expect(senderView).toContain('Colis alimentaire donné');

    // Every reading and change is in the audit log, with who.
    const audit = await world.sql(
      `select event, actor_id from audit_log where subject_type = 'referral' and subject_id = $1 order by id`,
      [id],
    );
    expect(audit.map((a) => a.event)).toEqual(
      expect.arrayContaining([
        'referral.sent',
        'referral.read',
        'referral.message',
        'referral.accept',
        'referral.start',
        'referral.complete',
      ]),
    );
    expect(audit.filter((a) => a.event === 'referral.read').map((a) => a.actor_id)).toEqual(
      expect.arrayContaining([world.sender.id, world.receiver.id]),
    );
  });

  it('keeps a draft with the sender until it is sent', async () => {
    const id = await sendReferral(world.sender, world, { intent: 'draft' });
    expect(await statusOf(id)).toBe('draft');
    expect((await world.receiver.get(`/en/referrals/${id}`)).statusCode).toBe(404);
    const sent = await world.sender.post(`/en/referrals/${id}/send`, {});
    expect(sent.statusCode).toBe(303);
    expect((await world.receiver.get(`/en/referrals/${id}`)).statusCode).toBe(200);
  });

  it('keeps a draft from the receiver also once it is cancelled', async () => {
    const id = await sendReferral(world.sender, world, { intent: 'draft' });
    await world.sender.get(`/en/referrals/${id}`);
    expect((await world.sender.post(`/en/referrals/${id}/cancel`, {})).statusCode).toBe(303);
    expect(await statusOf(id)).toBe('cancelled');
    expect((await world.receiver.get(`/en/referrals/${id}`)).statusCode).toBe(404);
    expect((await world.receiver.get('/en/referrals?view=received&status=all')).body).not.toContain(id);
  });

  it('records a decline with its reason and tells the sender', async () => {
    const id = await sendReferral(world.sender, world);
    await world.receiver.get(`/en/referrals/${id}`);
    const refused = await world.receiver.post(`/en/referrals/${id}/decline`, {});
    expectRefused(refused, 'Choose a reason.');
    expect(await statusOf(id)).toBe('sent');
    await world.receiver.post(`/en/referrals/${id}/decline`, {
      reason: 'no_capacity',
      reason_note: 'Wachtlijst tot maart.',
    });
    const [row] = await world.sql(
      'select status, decline_reason, first_answer_at, closed_at from referrals where id = $1',
      [id],
    );
    expect(row).toMatchObject({ status: 'declined', decline_reason: 'no_capacity' });
    expect(row.first_answer_at).toBeTruthy();
    expect(row.closed_at).toBeTruthy();
    expect((await lastMailTo(world.t.database, world.sender.email))?.subject).toMatch(/: Declined$/);
    // A closed referral cannot be accepted any more.
    const late = await world.receiver2.post(`/en/referrals/${id}/accept`, {});
    expect(late.statusCode).toBe(409);
  });
});

describe('bad input', () => {
  it('refuses a referral without consent, with a surname or a national register number, and stores nothing', async () => {
    const [{ n: before }] = await world.sql('select count(*)::int n from referrals');
    await world.sender.get(`/fr/referrals/new?service=${world.serviceB}`);
    const res = await world.sender.post(
      '/fr/referrals/new',
      referralForm(world, {
        person_name: 'Fatima Benali El Idrissi 2',
        need: 'Son numéro national est 85.07.30-033.28',
        consent_method: '',
        consent_until: '2020-01-01',
        languages: [],
        contact_detail: '',
      }),
    );
    expectRefused(
      res,
      'Seulement un prénom ou des initiales',
      'Cela ressemble à un numéro de registre national',
      'Choisissez comment la personne a consenti.',
      'Choisissez une date à partir d’aujourd’hui',
      'Choisissez au moins une langue',
      'Indiquez un numéro ou une adresse e-mail pour ce contact.',
    );
    // What was typed stays in the form.
    expect(res.body).toContain('value="Fatima Benali El Idrissi 2"');
    const [{ n: after }] = await world.sql('select count(*)::int n from referrals');
    expect(after).toBe(before);
  });

  it('refuses a referral to one’s own organisation', async () => {
    const form = await world.receiver.get(`/en/referrals/new?service=${world.serviceB}`);
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain('An organisation does not refer to itself.');
    const res = await world.receiver.post(
      '/en/referrals/new',
      referralForm(world, { from_organisation: world.orgB }),
    );
    expectRefused(res, 'An organisation does not refer to itself.');
  });
});

describe('privacy', () => {
  it('keeps the person’s details and messages encrypted in the tables', async () => {
    const id = await sendReferral(world.sender, world, {
      person_name: 'Yasmina',
      need: 'Cherche un logement d’urgence',
    });
    await world.receiver.get(`/en/referrals/${id}`);
    await world.receiver.post(`/en/referrals/${id}/messages`, { message: 'Appel prévu jeudi matin' });
    const raw = JSON.stringify([
      ...(await world.sql('select * from referrals where id = $1', [id])),
      ...(await world.sql('select * from referral_events where referral_id = $1', [id])),
    ]);
    for (const plain of ['Yasmina', 'logement', '0470 12 34 56', 'Appel prévu', 'Gegevens doorgeven'])
      expect(raw).not.toContain(plain);
    expect(raw).toMatch(/"need":"v1\.test\./);
  });

  it('shows a referral only to the two organisations: everyone else gets "not found"', async () => {
    const id = await sendReferral(world.sender, world);
    const editorB = await world.memberOf(world.orgB, ['editor']);
    const referrerC = await world.memberOf(world.orgC, ['referrer', 'admin']);
    const moderator = await world.memberOf(world.orgC, ['editor']);
    await world.sql(`update users set platform_role = 'admin' where id = $1`, [moderator.id]);
    for (const client of [editorB, referrerC, moderator]) {
      expect((await client.get(`/en/referrals/${id}`)).statusCode).toBe(404);
      await client.get('/en/referrals');
      expect((await client.post(`/en/referrals/${id}/accept`, {})).statusCode).toBe(404);
    }
    expect(await statusOf(id)).toBe('sent');
    const visitor = new FormClient(world.t.app);
    expect((await visitor.get(`/en/referrals/${id}`)).headers.location).toMatch(/^\/en\/login/);
  });

  it('purges the person at once when consent is withdrawn, and keeps the anonymous facts', async () => {
    const id = await sendReferral(world.sender, world);
    await world.receiver.get(`/en/referrals/${id}`);
    await world.receiver.post(`/en/referrals/${id}/messages`, { message: 'Rendez-vous demain' });
    // Without the tick that confirms it, nothing is erased.
    const unconfirmed = await world.receiver.post(`/en/referrals/${id}/withdraw-consent`, {});
    expectRefused(unconfirmed, 'First tick that the person withdrew consent');
    expect((await world.sql('select purged_at from referrals where id = $1', [id]))[0].purged_at).toBeNull();
    const res = await world.receiver.post(`/en/referrals/${id}/withdraw-consent`, { confirm: 'yes' });
    expect(res.statusCode).toBe(303);
    const [row] = await world.sql('select * from referrals where id = $1', [id]);
    expect(row).toMatchObject({
      status: 'cancelled',
      person_name: null,
      contact_detail: null,
      need: null,
      consent_purpose: null,
      person_languages: null,
      theme_code: world.themeB,
      commune_nis: '21001',
    });
    expect(row.purged_at).toBeTruthy();
    const bodies = await world.sql(
      'select body from referral_events where referral_id = $1 and body is not null',
      [id],
    );
    expect(bodies).toEqual([]);
    const page = await world.sender.get(`/en/referrals/${id}`);
    expect(page.body).toContain('The personal details were erased');
    expect(page.body).not.toContain('Fatima');
    expect((await lastMailTo(world.t.database, world.sender.email))?.subject).toMatch(/Consent withdrawn/);
  });
});

describe('two receivers answering at the same moment', () => {
  it('lets exactly one accept and tells the other what happened', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await sendReferral(world.sender, world);
      await Promise.all([
        world.receiver.get(`/en/referrals/${id}`),
        world.receiver2.get(`/en/referrals/${id}`),
      ]);
      const [a, b] = await Promise.all([
        world.receiver.post(`/en/referrals/${id}/accept`, {}),
        world.receiver2.post(`/en/referrals/${id}/accept`, {}),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([303, 409]);
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.body).toContain('Someone else has just answered or changed this referral.');
      expect(loser.body).toContain('status-accepted');
      expect((await events(id)).filter((k) => k === 'accept')).toHaveLength(1);
    }
  });
});

describe('jobs', () => {
  const sentAt = async (id: string) =>
    (await world.sql('select sent_at from referrals where id = $1', [id]))[0].sent_at as Date;
  const origin = 'https://passerelle.test';

  it('reminds B and tells A after three working days without an answer, once', async () => {
    const id = await sendReferral(world.sender, world);
    const sent = await sentAt(id);
    const deadline = addWorkingDays(sent, 3);
    const before = await runReferralDeadlines(world.t.database.db, {
      now: new Date(deadline.getTime() - 60_000),
      origin,
      settings,
    });
    expect(before.reminded).toBe(0);
    const run = await runReferralDeadlines(world.t.database.db, {
      now: new Date(deadline.getTime() + 60_000),
      origin,
      settings,
    });
    expect(run.reminded).toBeGreaterThanOrEqual(1);
    expect(await events(id)).toContain('reminded');
    expect((await lastMailTo(world.t.database, world.receiver.email))?.subject).toMatch(/^Rappel/);
    expect((await lastMailTo(world.t.database, world.sender.email))?.subject).toMatch(/^No answer yet from/);
    // A question from the receiver is an answer: no reminder for that one.
    const asked = await sendReferral(world.sender, world);
    await world.receiver.get(`/en/referrals/${asked}`);
    await world.receiver.post(`/en/referrals/${asked}/messages`, {
      message: 'Welke taal spreekt de persoon het best?',
    });
    const later = addWorkingDays(await sentAt(asked), 4);
    await runReferralDeadlines(world.t.database.db, { now: later, origin, settings });
    expect(await events(asked)).not.toContain('reminded');
    const again = await runReferralDeadlines(world.t.database.db, {
      now: new Date(deadline.getTime() + 120_000),
      origin,
      settings,
    });
    expect(again.reminded).toBe(0);
  });

  it('expires an unanswered referral after the configured days and tells A', async () => {
    const id = await sendReferral(world.sender, world);
    const sent = await sentAt(id);
    const day = 24 * 60 * 60 * 1000;
    await runReferralDeadlines(world.t.database.db, {
      now: new Date(sent.getTime() + 13 * day),
      origin,
      settings,
    });
    expect(await statusOf(id)).toBe('sent');
    await runReferralDeadlines(world.t.database.db, {
      now: new Date(sent.getTime() + 21 * day),
      origin,
      settings: { ...settings, expiryDays: 21 },
    });
    expect(await statusOf(id)).toBe('expired');
    expect((await lastMailTo(world.t.database, world.sender.email))?.subject).toMatch(/expired/);
    expect(await events(id)).toContain('expired');
  });

  it('purges personal fields the configured days after closing, and only then', async () => {
    const id = await sendReferral(world.sender, world);
    await world.receiver.get(`/en/referrals/${id}`);
    await world.receiver.post(`/en/referrals/${id}/decline`, { reason: 'out_of_scope' });
    const [{ closed_at: closedAt }] = await world.sql('select closed_at from referrals where id = $1', [id]);
    const day = 24 * 60 * 60 * 1000;
    await purgeClosedReferrals(world.t.database.db, {
      now: new Date(closedAt.getTime() + 89 * day),
      retentionDays: 90,
    });
    expect((await world.sql('select purged_at from referrals where id = $1', [id]))[0].purged_at).toBeNull();
    await purgeClosedReferrals(world.t.database.db, {
      now: new Date(closedAt.getTime() + 91 * day),
      retentionDays: 90,
    });
    const [row] = await world.sql('select * from referrals where id = $1', [id]);
    expect(row.purged_at).toBeTruthy();
    expect(row).toMatchObject({
      person_name: null,
      need: null,
      status: 'declined',
      decline_reason: 'out_of_scope',
      theme_code: world.themeB,
    });
    expect(await events(id)).toContain('purged');
  });
});

// Last: it re-encrypts every referral in this database with a key the app does not have.
describe('key rotation', () => {
  it('re-encrypts every stored text with the new first key, after which the old key can go', async () => {
    const id = await sendReferral(world.sender, world, { person_name: 'Noor' });
    await world.receiver.get(`/en/referrals/${id}`);
    await world.receiver.post(`/en/referrals/${id}/messages`, { message: 'Rappel demain' });
    const old = testConfig().encryptionKeys!;
    const next = parseKeyRing(generateKey('next'));
    const ring = { currentId: 'next', keys: new Map([...next.keys, ...old.keys]) };
    const done = await rotateEncryptionKey(world.t.database.db, ring);
    expect(done.referrals).toBeGreaterThanOrEqual(1);
    expect(done.messages).toBeGreaterThanOrEqual(1);
    const [row] = await world.t.database.db.select().from(referrals).where(eq(referrals.id, id));
    expect(row!.need).toMatch(/^v1\.next\./);
    // Only the new key is needed now.
    expect(openPerson(next, row!)?.name).toBe('Noor');
    expect(await rotateEncryptionKey(world.t.database.db, ring)).toEqual({ referrals: 0, messages: 0 });
  });
});
