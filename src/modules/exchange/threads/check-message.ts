// A message's text before anything is written: trimmed, not empty, not too long. Reads nothing.
import { AppError } from '../../../shared/errors.ts';
import { threadLimits } from '../exchange.vocabulary.ts';
import { problem } from '../posts/check-post.ts';

/** The text to store; refused in words when there is none or too much. */
export function checkMessage(text: string | undefined): string {
  // Line ends as a browser sends them, the same on every platform.
  const body = (text ?? '').replace(/\r\n?/g, '\n').trim();
  if (!body)
    throw new AppError('VALIDATION_FAILED', { fields: [problem('message', 'exchange_message_missing')] });
  if (body.length > threadLimits.message)
    throw new AppError('VALIDATION_FAILED', { fields: [problem('message', 'exchange_message_long')] });
  return body;
}
