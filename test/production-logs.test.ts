// Whoever reads production logs must not be able to open an account from them. The server runs as
// in production, logging at every level, through sign-up, e-mail verification, log-in, a password
// reset, an invitation and a listing confirmation; then no token, password, session id, anti-forgery
// token or e-mail address of those flows may appear in its output.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfirmationLink } from '../src/modules/directory/freshness/freshness.repo.ts';
import { generateKey } from '../src/shared/field-encryption.ts';
import { testPassword } from './helpers/form-client.ts';
import { allowSlowTests } from './helpers/slow-tests.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

allowSlowTests();

const root = new URL('..', import.meta.url).pathname;
let database: TestDatabase;
let server: ChildProcess;
let output = '';
let base = '';
/** Every secret the flows handled: none may reach the log. */
const secrets = new Set<string>();

/** A browser without JavaScript over real HTTP: cookies, and the anti-forgery token of the last page. */
class Browser {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  async go(path: string, form?: Record<string, string>) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ _csrf: this.csrf, ...form }).toString();
    }
    const res = await fetch(`${base}${path}`, {
      method: form ? 'POST' : 'GET',
      headers,
      body,
      redirect: 'manual',
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value) {
        this.cookies.set(name, value);
        secrets.add(value);
      } else this.cookies.delete(name);
    }
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, location: res.headers.get('location') ?? '', html };
  }
}

async function lastLink(to: string): Promise<string> {
  const { rows } = await database.pool.query<{ text: string }>(
    'select text from outbox where "to" = $1 order by created_at desc, id limit 1',
    [to],
  );
  const link = /https?:\/\/\S+/.exec(rows[0]?.text ?? '')?.[0];
  if (!link) throw new Error(`no link mailed to ${to}`);
  const url = new URL(link);
  for (const value of url.searchParams.values()) secrets.add(value);
  return url.pathname + url.search;
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'trace',
      DATABASE_URL: database.url,
      PUBLIC_URL: 'https://passerelle.test',
      ENCRYPTION_KEYS: generateKey('k1'),
      PORT: '0',
      TILE_URL: '',
      DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 150_000;
  while (!base && Date.now() < deadline) {
    const port = /running at http:\/\/localhost:(\d+)/.exec(output)?.[1];
    if (port) base = `http://127.0.0.1:${port}`;
    else if (server.exitCode !== null) break;
    else await new Promise((r) => setTimeout(r, 100));
  }
  if (!base) throw new Error(`server did not start:\n${output}`);
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await database?.drop();
});

describe('production logs', () => {
  it('hold no token, password, session id or e-mail address of the account flows', async () => {
    const sara = new Browser();
    const email = `sara.logs.${Date.now()}@example.org`;
    const colleague = `pieter.logs.${Date.now()}@example.org`;
    const newPassword = 'paarse olifant op de trap';
    secrets.add(email).add(colleague).add(testPassword).add(newPassword);

    await sara.go('/en/signup');
    const signedUp = await sara.go('/en/signup', {
      name: 'Sara',
      email,
      password: testPassword,
      locale: 'en',
    });
    expect(signedUp.status).toBe(200);
    expect((await sara.go(await lastLink(email))).status).toBe(303);

    await sara.go('/en/login');
    expect((await sara.go('/en/login', { email, password: testPassword })).location).toBe('/en/account');

    // An organisation of her own, and a colleague invited by e-mail who follows the link.
    await sara.go('/en/organisations/new');
    const registered = await sara.go('/en/organisations/new', {
      'name.en': 'Log Test Group',
      kind: 'citizen_initiative',
    });
    const organisation = /organisations\/([0-9a-f-]{36})\/members/.exec(registered.location)?.[1];
    expect(organisation).toBeDefined();
    await sara.go(`/en/manage/organisations/${organisation}/members`);
    await sara.go(`/en/manage/organisations/${organisation}/invitations`, {
      email: colleague,
      roles: 'editor',
    });
    const invitation = await lastLink(colleague);
    const pieter = new Browser();
    // Not signed in: the log-in page keeps the link, token and all, in "next".
    expect((await pieter.go(invitation)).location).toMatch(/^\/en\/login\?next=/);

    // A password reset: the link opened (which leaves its token valid), then used.
    const forgetful = new Browser();
    await forgetful.go('/en/password/forgot');
    await forgetful.go('/en/password/forgot', { email });
    const reset = await lastLink(email);
    expect((await forgetful.go(reset)).status).toBe(200);
    const token = new URL(reset, base).searchParams.get('token')!;
    expect((await forgetful.go('/en/password/reset', { token, password: newPassword })).status).toBe(303);

    // The "still correct?" link of a freshness reminder, opened and confirmed.
    const confirmation = await database.db.transaction((tx) =>
      createConfirmationLink(tx, organisation!, new Date()),
    );
    secrets.add(confirmation);
    const reviewer = new Browser();
    expect((await reviewer.go(`/en/confirm-listing?token=${confirmation}`)).status).toBe(200);
    expect((await reviewer.go('/en/confirm-listing', { token: confirmation })).status).toBe(200);

    // A failed log-in and a refused form log too.
    await sara.go('/en/login', { email, password: 'wrong password entirely' });
    secrets.add('wrong password entirely');

    // Request lines are there (so the check below reads real output), with their query values redacted.
    await expect.poll(() => output, { timeout: 10_000 }).toContain('/en/confirm-listing?token=[redacted]');
    expect(output).toContain('/en/password/reset?token=[redacted]');
    const leaks = [...secrets].filter((secret) => secret.length >= 8 && output.includes(secret));
    expect(leaks).toEqual([]);
    expect(output).not.toMatch(/[\w.+-]+@example\.org/);
  });
});
