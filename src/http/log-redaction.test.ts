import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { redactUrl, scrubLogLine, serializeError } from './log-redaction.ts';

describe('log redaction', () => {
  it('keeps the path and the names of query parameters, never their values', () => {
    expect(redactUrl('/en/password/reset?token=abcDEF_123-xyz')).toBe('/en/password/reset?token=[redacted]');
    expect(redactUrl('/fr/search?q=logement&commune=21004&flag')).toBe(
      '/fr/search?q=[redacted]&commune=[redacted]&flag',
    );
    expect(redactUrl('/nl/organisations/0b5c')).toBe('/nl/organisations/0b5c');
  });

  it('blanks e-mail addresses anywhere in a line, also percent-encoded', () => {
    expect(scrubLogLine('{"msg":"550 rejected <amina.b+work@example.org>"}')).toBe(
      '{"msg":"550 rejected <[email]>"}',
    );
    expect(scrubLogLine('next=%2Fen%2Faccount&e=sara%40example.be')).toBe('next=%2Fen%2Faccount&e=[email]');
    expect(scrubLogLine('to josé@exemple.be, x@[10.0.0.1] and a!b@x.be')).toBe(
      'to [email], [email] and [email]',
    );
    expect(scrubLogLine('postgres://postgres:secret@127.0.0.1:5432/db')).toBe(
      'postgres://postgres:[email]:5432/db',
    );
    expect(scrubLogLine('ready in 1.2 s at http://localhost:3000')).toBe(
      'ready in 1.2 s at http://localhost:3000',
    );
  });

  it('drops the parameters of a failed query from the message and the stack, keeping the query', () => {
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      {
        code: '23505',
        constraint: 'users_email_key',
        detail: 'Key (email)=(sara@example.be) already exists.',
      },
    );
    const error = new DrizzleQueryError('insert into users (email) values ($1)', ['sara@example.be'], cause);
    const serialized = JSON.stringify(serializeError(error));
    expect(serialized).toContain('insert into users');
    expect(serialized).toContain('users_email_key');
    expect(serialized).toContain('23505');
    expect(serialized).not.toContain('sara@example.be');
    expect(serializeError(error).stack).toMatch(/params: \[redacted\]\n\s+at /);
  });
});
