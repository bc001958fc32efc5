// The digest's unsubscribe token and its e-mail, without a database.
import { describe, expect, it } from 'vitest';
import { generateKey, parseKeyRing } from '../../../shared/field-encryption.ts';
import { mailHeaders } from '../../notifications/index.ts';
import { digestMail, shownPerKind } from './digest-mail.ts';
import { readerOfToken, unsubscribeToken } from './unsubscribe-token.ts';

const keys = parseKeyRing(generateKey('one'));
const otherKeys = parseKeyRing(generateKey('two'));
const reader = '2f0c5b8e-3a7d-4c1e-9b6a-0d4e5f6a7b8c';

describe('the unsubscribe token', () => {
  it('names its reader only when this key ring made it', () => {
    const token = unsubscribeToken(keys, reader.toUpperCase());
    expect(token.startsWith(`${reader}.`)).toBe(true);
    expect(readerOfToken(keys, token)).toBe(reader);
    expect(readerOfToken(otherKeys, token)).toBeNull();
    const other = 'aaaaaaaa-3a7d-4c1e-9b6a-0d4e5f6a7b8c';
    expect(readerOfToken(keys, `${other}.${token.split('.')[1]}`)).toBeNull();
    for (const bad of ['', reader, `${reader}.`, `${token}.x`, `${token.slice(0, -1)}`, `x.${token}`])
      expect(readerOfToken(keys, bad)).toBeNull();
  });
});

describe('the digest e-mail', () => {
  const question = (n: number) => ({ userId: reader, id: `q${n}`, title: `Question ${n}`, language: 'nl' });
  it('lists at most a few of each kind, then says how many more, in the reader’s language', () => {
    const questions = Array.from({ length: shownPerKind + 3 }, (_, n) => question(n));
    const mail = digestMail(
      { email: 'a@example.org', name: 'Ana', locale: 'en' },
      { questions, answers: [{ userId: reader, questionId: 'q9', title: 'Rent', language: 'fr', count: 2 }] },
      { origin: 'https://p.test', unsubscribeToken: 't' },
    );
    expect(mail.subject).toBe('Passerelle: 28 new questions and 2 new answers in what you follow');
    expect(mail.paragraphs).toContain('Question 0\nhttps://p.test/en/questions/q0');
    expect(mail.paragraphs).not.toContain(
      `Question ${shownPerKind}\nhttps://p.test/en/questions/q${shownPerKind}`,
    );
    expect(mail.paragraphs).toContain('… and 3 more on the site.');
    expect(mail.paragraphs).toContain('Rent (2 new answers)\nhttps://p.test/en/questions/q9#answers');
    expect(mail.footer).toContain('https://p.test/en/follows/unsubscribe?token=t');
    expect(mailHeaders(mail)).toEqual({
      'List-Unsubscribe': '<https://p.test/follows/unsubscribe/one-click?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(mail.action?.url).toBe('https://p.test/en/account/follows');
  });
});
