// Races a busy day brings: many people registering the same enterprise number or signing up with
// the same address at the same moment, and a burst of sign-ups. Each ends in one record and clear
// answers; none in a server error.
import { describe, expect, it } from 'vitest';
import { confirmedPerson, FormClient, newAddress, testPassword } from './helpers/form-client.ts';
import { useTestApp } from './helpers/test-app.ts';

const shared = useTestApp({ demo: false });

async function count(sql: string, values: unknown[]): Promise<number> {
  const { rows } = await shared.t.database.pool.query(sql, values);
  return rows[0].n;
}

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('writes at the same moment', () => {
  it('registers one enterprise number once when 50 registrations of it arrive together', async () => {
    const people = await Promise.all(
      Array.from({ length: 5 }, () => confirmedPerson(shared.t.app, shared.t.database)),
    );
    for (const person of people) await person.get('/fr/organisations/new');
    const kbo = '0412345614';
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        people[i % 5]!.post('/fr/organisations/new', {
          'name.fr': `Association de démonstration ${i}`,
          kind: 'formal',
          kbo_number: kbo,
        }),
      ),
    );
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 303: 1, 400: 49 });
    for (const refused of answers.filter((a) => a.statusCode === 400)) expect(refused.body).toContain('déjà');
    expect(await count('select count(*)::int as n from organisations where kbo_number = $1', [kbo])).toBe(1);
  });

  it('makes one account when 50 sign-ups with one address arrive together', async () => {
    const email = newAddress();
    const clients = Array.from({ length: 50 }, () => new FormClient(shared.t.app));
    await Promise.all(clients.map((c) => c.get('/nl/signup')));
    const answers = await Promise.all(
      clients.map((c) =>
        c.post('/nl/signup', { name: 'Samira', email, password: testPassword, locale: 'nl' }),
      ),
    );
    expect(answers.filter((a) => a.statusCode >= 500)).toEqual([]);
    expect(await count('select count(*)::int as n from users where email = $1', [email])).toBe(1);
    // The other 49 were told by e-mail that the address has an account.
    expect(
      await count(
        "select count(*)::int as n from audit_log where actor_email = $1 and event = 'signup.existing_address'",
        [email],
      ),
    ).toBe(49);
  });

  it('answers a burst of 50 sign-ups without a server error', async () => {
    const clients = Array.from({ length: 50 }, () => new FormClient(shared.t.app));
    await Promise.all(clients.map((c) => c.get('/en/signup')));
    const emails = clients.map(() => newAddress());
    const answers = await Promise.all(
      clients.map((c, i) =>
        c.post('/en/signup', {
          name: 'Jonas',
          email: emails[i]!,
          password: `${testPassword} ${i}`,
          locale: 'en',
        }),
      ),
    );
    expect(answers.filter((a) => a.statusCode >= 500)).toEqual([]);
    expect(await count('select count(*)::int as n from users where email = any($1)', [emails])).toBe(50);
  });
});
