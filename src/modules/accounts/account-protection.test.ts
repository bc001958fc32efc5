// What keeps an account in its owner's hands when someone else tries: a lock-out by another person's
// wrong guesses cannot keep her out (a browser she used before, or a log-in link by e-mail), and a
// form token is bound to its session and renewed at log-in and log-out.
import { describe, expect, it } from 'vitest';
import {
  confirmedPerson,
  FormClient,
  lastMailTo,
  newAddress,
  pathOf,
  testPassword,
} from '../../../test/helpers/form-client.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const shared = useTestApp({ demo: false });

const sessionCookie = 'passerelle_session';
const csrfCookie = 'passerelle_csrf';

async function logIn(client: FormClient, email: string, password = testPassword) {
  await client.get('/en/login');
  return client.post('/en/login', { email, password });
}

/** Five wrong passwords from someone else's browser: the address is locked for unknown browsers. */
async function lockOut(email: string): Promise<FormClient> {
  const attacker = new FormClient(shared.t.app);
  for (let i = 0; i < 5; i++)
    expect((await logIn(attacker, email, `not the password ${i}`)).statusCode).toBe(401);
  expect((await logIn(attacker, email)).statusCode).toBe(429);
  return attacker;
}

async function sessionsOf(email: string): Promise<number> {
  const { rows } = await shared.t.database.pool.query(
    'select count(*)::int n from sessions where user_id = (select id from users where email = $1)',
    [email],
  );
  return rows[0].n;
}

describe('a lock-out by someone else', () => {
  it('does not keep the person out of a browser she logged in from before', async () => {
    const owner = await confirmedPerson(shared.t.app, shared.t.database, { email: newAddress('owner') });
    await owner.post('/en/logout', {});
    expect(owner.cookie(sessionCookie)).toBeUndefined();
    const attacker = await lockOut(owner.email);

    const back = await logIn(owner, owner.email);
    expect(back.statusCode).toBe(303);
    expect(owner.cookie(sessionCookie)).toBeDefined();
    // The lock still holds for every other browser, the attacker's included.
    expect((await logIn(attacker, owner.email)).statusCode).toBe(429);
    const stranger = new FormClient(shared.t.app);
    const locked = await logIn(stranger, owner.email);
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('You can still log in from a browser you have used before');
    expect(locked.body).toContain('href="/en/login/link"');
  });

  it('counts wrong guesses from a known browser on their own', async () => {
    const owner = await confirmedPerson(shared.t.app, shared.t.database, { email: newAddress('owner') });
    await owner.post('/en/logout', {});
    for (let i = 0; i < 5; i++) expect((await logIn(owner, owner.email, `typo ${i}`)).statusCode).toBe(401);
    expect((await logIn(owner, owner.email)).statusCode).toBe(429);
    // The address itself is not locked by them: another browser gets in.
    expect((await logIn(new FormClient(shared.t.app), owner.email)).statusCode).toBe(303);
  });

  it('lets the person in with a one-time link by e-mail, used up by the button on its page', async () => {
    const owner = await confirmedPerson(shared.t.app, shared.t.database, {
      email: newAddress('owner'),
      locale: 'fr',
    });
    await lockOut(owner.email);
    const phone = new FormClient(shared.t.app);
    await phone.get('/fr/login/link');
    const sent = await phone.post('/fr/login/link/request', { email: owner.email });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('un lien de connexion est en route');
    const mail = await lastMailTo(shared.t.database, owner.email);
    expect(mail?.subject).toBe('Votre lien de connexion à Passerelle');
    expect(mail?.link).toMatch(/\/fr\/login\/link\?token=[\w-]{43}$/);

    // Opening the link (a mail scanner does) signs nobody in and leaves the link usable.
    const before = await sessionsOf(owner.email);
    const opened = await phone.get(pathOf(mail!.link!));
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain(owner.email);
    expect(await sessionsOf(owner.email)).toBe(before);

    const token = new URL(mail!.link!).searchParams.get('token')!;
    const used = await phone.post('/fr/login/link', { token });
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe('/fr/account');
    expect(phone.cookie(sessionCookie)).toBeDefined();
    expect(await sessionsOf(owner.email)).toBe(before + 1);
    // Once only.
    const again = new FormClient(shared.t.app);
    await again.get('/fr/login/link');
    const reused = await again.post('/fr/login/link', { token });
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain('Ce lien ne fonctionne plus');
    expect(again.cookie(sessionCookie)).toBeUndefined();
    // The browser it was used in is known from now on.
    await phone.post('/fr/logout', {});
    expect((await logIn(phone, owner.email)).statusCode).toBe(303);
  });

  it('sends no link to an unknown address, and says the same', async () => {
    const client = new FormClient(shared.t.app);
    await client.get('/en/login/link');
    const email = newAddress('nobody');
    const res = await client.post('/en/login/link/request', { email });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('If an account exists for');
    expect(await lastMailTo(shared.t.database, email)).toBeUndefined();
    await client.get('/en/login/link');
    const bad = await client.post('/en/login/link/request', { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
  });

  it('cannot be blocked by someone else asking for links: earlier links keep working', async () => {
    const owner = await confirmedPerson(shared.t.app, shared.t.database, { email: newAddress('owner') });
    const ask = async (client: FormClient) => {
      await client.get('/en/login/link');
      return client.post('/en/login/link/request', { email: owner.email });
    };
    // The owner's own link, then a flood from other addresses, up to the hour's ceiling.
    expect((await ask(new FormClient(shared.t.app))).body).toContain('a log-in link is on its way');
    const first = new URL((await lastMailTo(shared.t.database, owner.email))!.link!).searchParams.get(
      'token',
    )!;
    for (let i = 0; i < 11; i++) await ask(new FormClient(shared.t.app));
    const later = await ask(new FormClient(shared.t.app));
    expect(later.statusCode).toBe(200);
    expect(later.body).toContain('Log-in links were already sent to');
    const { rows } = await shared.t.database.pool.query(
      `select count(*)::int n from outbox where "to" = $1 and subject = 'Your log-in link for Passerelle'`,
      [owner.email],
    );
    expect(rows[0].n).toBe(12);
    // The link she asked for first still works: the others did not void it.
    const phone = new FormClient(shared.t.app);
    await phone.get(`/en/login/link?token=${first}`);
    expect((await phone.post('/en/login/link', { token: first })).statusCode).toBe(303);
  });

  it('forgets every known browser when the person logs out everywhere', async () => {
    const owner = await confirmedPerson(shared.t.app, shared.t.database, { email: newAddress('owner') });
    await owner.get('/en/account/sessions');
    expect((await owner.post('/en/account/sessions/end-all', {})).statusCode).toBe(303);
    await lockOut(owner.email);
    expect((await logIn(owner, owner.email)).statusCode).toBe(429);
  });
});

describe('form tokens', () => {
  it('are renewed at log-in and log-out, and one from before the log-in is refused', async () => {
    const email = newAddress('forms');
    const client = await confirmedPerson(shared.t.app, shared.t.database, { email });
    await client.post('/en/logout', {});
    const visitorSecret = client.cookie(csrfCookie);
    await client.get('/en/login');
    const visitorToken = client.csrfToken();
    await client.post('/en/login', { email, password: testPassword });
    const signedInSecret = client.cookie(csrfCookie);
    expect(signedInSecret).toBeDefined();
    expect(signedInSecret).not.toBe(visitorSecret);

    // The log-out form of a page from before the log-in: refused, still logged in.
    const stale = await client.post('/en/logout', { _csrf: visitorToken });
    expect(stale.statusCode).toBe(403);
    expect(await sessionsOf(email)).toBe(1);

    await client.get('/en/account');
    expect((await client.post('/en/logout', {})).statusCode).toBe(303);
    expect(client.cookie(csrfCookie)).not.toBe(signedInSecret);
  });

  it('of a session that ended elsewhere lead to the log-in page, not to "form expired"', async () => {
    const email = newAddress('ended');
    const client = await confirmedPerson(shared.t.app, shared.t.database, { email });
    await client.get('/en/account');
    await shared.t.database.pool.query(
      'delete from sessions where user_id = (select id from users where email = $1)',
      [email],
    );
    const res = await client.post('/en/account/verification', {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/login?ended=1');
  });

  it('are bound to their session: one person’s token and secret open nothing in another’s', async () => {
    const amina = await confirmedPerson(shared.t.app, shared.t.database, { email: newAddress('amina') });
    const sara = await confirmedPerson(shared.t.app, shared.t.database, { email: newAddress('sara') });
    await amina.get('/en/account');
    // Sara's browser is given Amina's secret cookie and token ("cookie tossing").
    sara.setCookie(csrfCookie, amina.cookie(csrfCookie)!);
    const forged = await sara.post('/en/account/sessions/end-all', { _csrf: amina.csrfToken() });
    expect(forged.statusCode).toBe(403);
    expect(await sessionsOf(sara.email)).toBe(1);
  });
});
