import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('password strength', () => {
  const person = ['fatima.elamrani@example.org', 'Fatima El Amrani'];
  it.each([
    ['short', 'too_short'],
    ['x'.repeat(201), 'too_long'],
    ['password123!', 'leaked'],
    ['1234567890', 'leaked'],
    ['azertyuiop123', 'predictable'],
    ['aaaaaaaaaaaa', 'predictable'],
    ['fatima.elamrani', 'personal'],
    ['Fatima1985!!', 'personal'],
  ])('refuses %j as %s', async (password, reason) => {
    expect(await passwordProblem(password, person)).toBe(reason);
  });

  it.each(['groene fiets onder de brug', 'K7#pq9!xLm2v', 'la bicyclette verte du canal'])(
    'accepts %j',
    async (password) => {
      expect(await passwordProblem(password, person)).toBeNull();
    },
  );

  it('counts characters, not UTF-16 units: ten Arabic letters are ten', async () => {
    expect(await passwordProblem('كلمةسرطويل', [])).not.toBe('too_short');
    expect(await passwordProblem('كلمةسر', [])).toBe('too_short');
  });
});

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the same password', async () => {
    const hash = await hashPassword('groene fiets onder de brug');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'groene fiets onder de brug')).toBe(true);
    expect(await verifyPassword(hash, 'groene fiets onder de brug ')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});

describe('password strength off the event loop', () => {
  it('leaves the event loop its turns while a burst of passwords is judged', async () => {
    // On the event loop each judgement holds it for tens of milliseconds and a burst of 30 gives
    // almost no turns in between; in the worker the loop keeps turning while they are judged.
    let turns = 0;
    let running = true;
    const turn = () => {
      turns++;
      if (running) setImmediate(turn);
    };
    setImmediate(turn);
    const passwords = Array.from({ length: 30 }, (_, i) => `een lange zin nummer ${i} over de brug`);
    const started = turns;
    const results = await Promise.all(passwords.map((p) => passwordProblem(p, [])));
    running = false;
    expect(results.every((r) => r === null)).toBe(true);
    expect(turns - started).toBeGreaterThan(100);
  });
});
