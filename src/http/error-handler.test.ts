import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { toAppError } from './error-handler.ts';

/** An error as Drizzle throws it: its own message, PostgreSQL's error as the cause. */
function wrapped(code: string): Error {
  return new Error('Failed query: insert into …', { cause: Object.assign(new Error('pg'), { code }) });
}

describe('toAppError', () => {
  it.each([
    ['23505', 'unique violation'],
    ['40001', 'serialisation failure'],
    ['40P01', 'deadlock'],
  ])('answers a lost race (%s, %s) with 409, not 500', (code) => {
    expect(toAppError(wrapped(code)).code).toBe('CONFLICT');
  });

  it('keeps other database errors as server errors and lost connections as 503', () => {
    expect(toAppError(wrapped('23502')).code).toBe('INTERNAL');
    expect(toAppError(wrapped('57P01')).code).toBe('DATABASE_UNAVAILABLE');
    expect(toAppError(new Error('boom')).code).toBe('INTERNAL');
    // The client gave up on a server that stopped answering.
    expect(toAppError(new Error('x', { cause: new Error('Query read timeout') })).code).toBe(
      'DATABASE_UNAVAILABLE',
    );
  });

  it('leaves the errors use cases throw as they are', () => {
    const own = new AppError('FORBIDDEN');
    expect(toAppError(own)).toBe(own);
  });
});
