// Accounts through the real HTTP app on a real PostgreSQL: sign-up to log-out, as a browser
// without JavaScript does it, with the refusals a person can meet on the way.
import { describe, expect, it } from 'vitest';
import { FormClient, lastMailTo, pathOf } from '../../../test/helpers/form-client.ts';
import { expectRefused } from '../../../test/helpers/refused.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const shared = useTestApp({ demo: false });

const goodPassword = 'groene fiets onder de brug';
const sessionCookie = 'passerelle_session';
let counter = 0;
const newAddress = () => `person${++counter}.${Date.now()}@example.org`;

async function count(table: string, where = 'true', values: unknown[] = []): Promise<number> {
  const { rows } = await shared.t.database.pool.query(
    `select count(*)::int as n from ${table} where ${where}`,
    values,
  );
  return rows[0].n;
}

async function auditEvents(email: string): Promise<string[]> {
  const { rows } = await shared.t.database.pool.query(
    'select event from audit_log where actor_email = $1 order by id',
    [email],
  );
  return rows.map((r) => r.event);
}

/** Signs up and confirms the address; returns the signed-in client. */
async function signedUp(email = newAddress(), locale = 'en'): Promise<FormClient> {
  const client = new FormClient(shared.t.app);
  await client.submit(`/${locale}/signup`, `/${locale}/signup`, {
    name: 'Amina',
    email,
    password: goodPassword,
    locale,
  });
  const mail = await lastMailTo(shared.t.database, email);
  const res = await client.get(pathOf(mail!.link!));
  expect(res.statusCode).toBe(303);
  await client.submit(`/${locale}/login`, `/${locale}/login`, { email, password: goodPassword });
  return client;
}

describe('sign-up and e-mail confirmation', () => {
  it('creates an unconfirmed account and e-mails a confirmation link in the chosen language', async () => {
    const email = newAddress();
    const client = new FormClient(shared.t.app);
    const form = await client.get('/fr/signup');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="_csrf"');
    const res = await client.post('/fr/signup', {
      name: 'Amina',
      email: ` ${email.toUpperCase()} `,
      password: goodPassword,
      locale: 'nl',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Consultez vos e-mails');
    const { rows } = await shared.t.database.pool.query(
      'select email, email_verified_at, locale, password_hash from users where email = $1',
      [email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].email_verified_at).toBeNull();
    expect(rows[0].locale).toBe('nl');
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const mail = await lastMailTo(shared.t.database, email);
    expect(mail?.locale).toBe('nl');
    expect(mail?.subject).toBe('Bevestig uw e-mailadres voor Passerelle');
    expect(mail?.link).toMatch(/\/nl\/verify-email\?token=[\w-]{43}$/);
    expect(await auditEvents(email)).toEqual(['signup']);
  });

  it('refuses a weak password and a bad address next to their fields, translated, and saves nothing', async () => {
    const client = new FormClient(shared.t.app);
    await client.get('/nl/signup');
    const [users, mails] = [await count('users'), await count('outbox')];
    const res = await client.post('/nl/signup', {
      name: '',
      email: 'not-an-address',
      password: 'password123!',
    });
    expectRefused(
      res,
      '3 velden vragen uw aandacht.',
      'Vul dit in.',
      'Dit is geen e-mailadres',
      'Dit wachtwoord staat in lijsten van gelekte of veelgebruikte wachtwoorden.',
      'value="not-an-address"',
    );
    expect(res.body).not.toContain('password123!');
    expect(res.body).toMatch(/id="f-email"[^>]*aria-invalid="true"/);
    expect(await count('users')).toBe(users);
    expect(await count('outbox')).toBe(mails);
  });

  it('refuses a password made of the person’s own name', async () => {
    const client = new FormClient(shared.t.app);
    await client.get('/en/signup');
    const res = await client.post('/en/signup', {
      name: 'Fatima El Amrani',
      email: newAddress(),
      password: 'Fatima1985!!',
    });
    expectRefused(res, 'This password is too close to your name or e-mail address.');
  });

  it('does not reveal that an address is taken: same page, no second account, an e-mail to the owner', async () => {
    const email = newAddress();
    await signedUp(email);
    const client = new FormClient(shared.t.app);
    await client.get('/en/signup');
    const res = await client.post('/en/signup', {
      name: 'Someone',
      email,
      password: 'another long passphrase here',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Check your e-mail');
    expect(await count('users', 'email = $1', [email])).toBe(1);
    expect((await lastMailTo(shared.t.database, email))?.subject).toBe(
      'You already have a Passerelle account',
    );
  });

  it('confirms the address without signing anyone in, and a second opening finds it confirmed', async () => {
    const email = newAddress();
    const client = new FormClient(shared.t.app);
    await client.submit('/en/signup', '/en/signup', {
      name: 'Amina',
      email,
      password: goodPassword,
      locale: 'en',
    });
    const link = pathOf((await lastMailTo(shared.t.database, email))!.link!);
    const res = await client.get(link);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/login?verified=1');
    // A link someone else sent must not put the reader into the sender's account.
    expect(client.cookie(sessionCookie)).toBeUndefined();
    expect((await client.get('/en/login?verified=1')).body).toContain('Your e-mail address is confirmed.');
    const { rows } = await shared.t.database.pool.query(
      'select email_verified_at from users where email = $1',
      [email],
    );
    expect(rows[0].email_verified_at).toBeTruthy();

    // Opened again (or first by a mail scanner): still confirmed, no error.
    const again = await new FormClient(shared.t.app).get(link.replace('/en/', '/fr/'));
    expect(again.headers.location).toBe('/fr/login?verified=1');

    await client.submit('/en/login', '/en/login', { email, password: goodPassword });
    const account = await client.get('/en/account');
    expect(account.body).toContain('Confirmed');
  });

  it('refuses an unused link once a newer one was sent, with a clear page', async () => {
    const email = newAddress();
    const client = new FormClient(shared.t.app);
    await client.submit('/en/signup', '/en/signup', { name: 'Amina', email, password: goodPassword });
    const first = pathOf((await lastMailTo(shared.t.database, email))!.link!);
    await client.submit('/en/login', '/en/login', { email, password: goodPassword });
    await client.get('/en/account');
    await client.post('/en/account/verification', {});
    const second = pathOf((await lastMailTo(shared.t.database, email))!.link!);
    expect(second).not.toBe(first);
    const old = await new FormClient(shared.t.app).get(first.replace('/en/', '/fr/'));
    expectRefused(old, 'Ce lien ne fonctionne plus');
    expect((await client.get(second)).headers.location).toBe('/en/account?verified=1');
  });

  it('refuses a tampered or malformed link with a clear page', async () => {
    for (const token of ['x'.repeat(43), 'short', '<script>', '']) {
      const res = await shared.t.app.inject(`/en/verify-email?token=${encodeURIComponent(token)}`);
      expectRefused(res, 'This link no longer works');
    }
  });
});

describe('log-in and log-out', () => {
  it('logs in with the right password (any case in the address) and out again', async () => {
    const email = newAddress();
    await signedUp(email);
    const client = new FormClient(shared.t.app);
    await client.get('/en/login');
    const res = await client.post('/en/login', { email: email.toUpperCase(), password: goodPassword });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/account');
    const cookie = client.cookie(sessionCookie)!;
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const accountPage = await client.get('/en/account');
    expect(accountPage.body).toContain(email);
    expect(accountPage.headers['cache-control']).toBe('private, no-store');

    await client.post('/en/logout', {});
    expect(client.cookie(sessionCookie)).toBeUndefined();
    // The old cookie opens nothing any more.
    const replay = new FormClient(shared.t.app);
    replay.setCookie(sessionCookie, cookie);
    const after = await replay.get('/en/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/en/login?next=%2Fen%2Faccount&ended=1');
    const loginPage = await replay.get(after.headers.location as string);
    expect(loginPage.body).toContain('Your session has ended');
    expect(await auditEvents(email)).toEqual(expect.arrayContaining(['login', 'logout']));
  });

  it('says the same for an unknown address and a wrong password, and records both', async () => {
    const email = newAddress();
    await signedUp(email);
    const client = new FormClient(shared.t.app);
    await client.get('/fr/login');
    const wrong = await client.post('/fr/login', { email, password: 'not the password at all' });
    await client.get('/fr/login');
    const unknown = await client.post('/fr/login', {
      email: newAddress(),
      password: 'not the password at all',
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('L’adresse e-mail ou le mot de passe n’est pas correct.');
    }
    expect(wrong.body).toContain(`value="${email}"`);
    expect(await auditEvents(email)).toContain('login.failed');
  });

  it('locks an address after five wrong passwords, even for the right one, with a translated wait', async () => {
    const email = newAddress();
    await signedUp(email);
    const client = new FormClient(shared.t.app);
    for (let i = 0; i < 5; i++) {
      await client.get('/nl/login');
      expect((await client.post('/nl/login', { email, password: `wrong password ${i}` })).statusCode).toBe(
        401,
      );
    }
    await client.get('/nl/login');
    const locked = await client.post('/nl/login', { email, password: goodPassword });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body).toMatch(/Te veel pogingen\. Wacht \d+ minuten? en probeer dan opnieuw\./);
    expect(client.cookie(sessionCookie)).toBeUndefined();
    expect(await auditEvents(email)).toContain('login.rate_limited');
  });

  it('only follows a "next" path on this site', async () => {
    const email = newAddress();
    await signedUp(email);
    for (const [next, expected] of [
      ['/en/search?q=cpas', '/en/search?q=cpas'],
      ['//evil.example/x', '/en/account'],
      ['/\\evil.example', '/en/account'],
      ['https://evil.example/', '/en/account'],
    ]) {
      const client = new FormClient(shared.t.app);
      await client.get('/en/login');
      const res = await client.post('/en/login', { email, password: goodPassword, next: next! });
      expect(res.headers.location).toBe(expected);
    }
    // A tab (which browsers drop, making "/\t/evil.example" leave the site) has no place in a
    // one-line field: the form is refused and nobody is logged in.
    const client = new FormClient(shared.t.app);
    await client.get('/en/login');
    const tab = await client.post('/en/login', { email, password: goodPassword, next: '/\t/evil.example' });
    expect(tab.statusCode).toBe(400);
    expect(client.cookie(sessionCookie)).toBeUndefined();
  });

  it('refuses a form without its anti-forgery token and changes nothing', async () => {
    const email = newAddress();
    await signedUp(email);
    const client = new FormClient(shared.t.app);
    await client.get('/en/login');
    const res = await client.post('/en/login', { email, password: goodPassword }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Form expired');
    const forged = await client.post('/en/login', { email, password: goodPassword, _csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    expect(client.cookie(sessionCookie)).toBeUndefined();
  });

  it('renews the cookie of a session in use, so it lasts 30 days from the last visit', async () => {
    const email = newAddress();
    const client = await signedUp(email);
    await shared.t.database.pool.query(
      `update sessions set last_seen_at = now() - interval '2 hours', expires_at = now() + interval '1 day'
       where user_id = (select id from users where email = $1)`,
      [email],
    );
    const res = await client.get('/en/account');
    const renewed = (res.cookies as { name: string; expires?: Date }[]).find((c) => c.name === sessionCookie);
    expect(renewed?.expires && renewed.expires.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const { rows } = await shared.t.database.pool.query(
      `select expires_at > now() + interval '29 days' as renewed from sessions where user_id = (select id from users where email = $1)`,
      [email],
    );
    expect(rows[0].renewed).toBe(true);
  });

  it('treats a tampered session cookie as a visitor and removes it', async () => {
    const client = new FormClient(shared.t.app);
    client.setCookie(sessionCookie, 'A'.repeat(43));
    const res = await client.get('/en/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/en/login"');
    expect(client.cookie(sessionCookie)).toBeUndefined();
    client.setCookie(sessionCookie, 'tampered');
    const login = await client.get('/fr/login');
    expect(login.body).toContain('Votre session a pris fin');
  });
});

describe('sessions', () => {
  it('lists where one is logged in, ends another device, then all of them', async () => {
    const email = newAddress();
    const phone = await signedUp(email);
    const laptop = new FormClient(shared.t.app, {
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    });
    await laptop.submit('/en/login', '/en/login', { email, password: goodPassword });

    const list = await laptop.get('/en/account/sessions');
    expect(list.body).toContain('Firefox · Linux');
    expect(list.body).toContain('(this device)');
    const others = [...list.body.matchAll(/name="session" value="([0-9a-f]{64})"/g)].map((m) => m[1]);
    expect(others).toHaveLength(1);

    const ended = await laptop.post('/en/account/sessions/end', { session: others[0]! });
    expect(ended.headers.location).toBe('/en/account/sessions?ended=1');
    expect((await phone.get('/en/account')).statusCode).toBe(303);

    // Another person's session id is not found, and nothing ends.
    const stranger = await signedUp();
    await stranger.get('/en/account/sessions');
    const foreign = await stranger.post('/en/account/sessions/end', { session: 'f'.repeat(64) });
    expect(foreign.statusCode).toBe(404);

    await laptop.get('/en/account/sessions');
    const all = await laptop.post('/en/account/sessions/end-all', {});
    expect(all.headers.location).toBe('/en/login?out=1');
    expect((await laptop.get('/en/account')).statusCode).toBe(303);
    const { rows } = await shared.t.database.pool.query(
      'select count(*)::int n from sessions s join users u on u.id = s.user_id where u.email = $1',
      [email],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('password reset', () => {
  it('resets with the e-mailed link once, ends every session and keeps the old password out', async () => {
    const email = newAddress();
    const signedInElsewhere = await signedUp(email);
    const client = new FormClient(shared.t.app);
    await client.get('/en/password/forgot');
    const asked = await client.post('/en/password/forgot', { email });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain(`If an account exists for ${email}`);
    const mail = await lastMailTo(shared.t.database, email);
    expect(mail?.subject).toBe('A new password for Passerelle');
    const link = pathOf(mail!.link!);

    const form = await client.get(link);
    expect(form.statusCode).toBe(200);
    const token = new URL(mail!.link!).searchParams.get('token')!;
    const weak = await client.post('/en/password/reset', { token, password: 'aaaaaaaaaaaa' });
    expectRefused(weak, 'easy to guess');

    await client.get(link);
    const done = await client.post('/en/password/reset', {
      token,
      password: 'a brand new passphrase for me',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/en/login?reset=1');
    expect((await signedInElsewhere.get('/en/account')).statusCode).toBe(303);

    expect((await client.get(link)).statusCode).toBe(400);
    await client.get('/en/login');
    expect((await client.post('/en/login', { email, password: goodPassword })).statusCode).toBe(401);
    await client.get('/en/login');
    expect(
      (await client.post('/en/login', { email, password: 'a brand new passphrase for me' })).statusCode,
    ).toBe(303);
    expect(await auditEvents(email)).toEqual(
      expect.arrayContaining(['password.reset_requested', 'password.reset']),
    );
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const email = newAddress();
    const client = new FormClient(shared.t.app);
    await client.get('/nl/password/forgot');
    const res = await client.post('/nl/password/forgot', { email });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Als er een account bestaat voor ${email}`);
    expect(await lastMailTo(shared.t.database, email)).toBeUndefined();
  });
});

describe('the audit log', () => {
  it('cannot be changed or emptied, not even by the application', async () => {
    await signedUp();
    await expect(shared.t.database.pool.query("update audit_log set event = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(shared.t.database.pool.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(shared.t.database.pool.query('truncate audit_log')).rejects.toThrow(/append-only/);
  });
});
