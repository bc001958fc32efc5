import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { threadLimits } from '../exchange.vocabulary.ts';
import { checkMessage } from './check-message.ts';

const refusal = (text: string | undefined) => {
  try {
    checkMessage(text);
  } catch (error) {
    if (error instanceof AppError) return error.fields.map((f) => f.code);
    throw error;
  }
  return [];
};

describe('checkMessage', () => {
  it('keeps the text, trimmed, with its line ends made one', () => {
    expect(checkMessage('  Bonjour,\r\nnous pouvons aider.  ')).toBe('Bonjour,\nnous pouvons aider.');
  });

  it('refuses an empty message, spaces only, or none', () => {
    expect(refusal('')).toEqual(['exchange_message_missing']);
    expect(refusal(' \n\t ')).toEqual(['exchange_message_missing']);
    expect(refusal(undefined)).toEqual(['exchange_message_missing']);
  });

  it('refuses a message over the limit, and takes one at it', () => {
    expect(refusal('a'.repeat(threadLimits.message + 1))).toEqual(['exchange_message_long']);
    expect(checkMessage('a'.repeat(threadLimits.message))).toHaveLength(threadLimits.message);
  });
});
