// The end of every form handler: run the use case; on success go where it says (303, so a reload
// does not post again) or answer as it says; when the use case refuses the input, show the form again
// with the person's values and a message next to each field (400), or the refusal's status and, for
// too many tries, when to try again. Any other error goes to the error pages.
import type { FastifyReply } from 'fastify';
import { AppError, type ErrorCode, type FieldProblem } from '../shared/errors.ts';
import { sendHtml } from './send-html.ts';

export type FormOutcome<T> = (
  | {
      /** Where to go after success. */
      redirect(result: T): string;
    }
  | {
      /** The answer after success, for a form that stays on its page or sets cookies first. */
      done(result: T): FastifyReply | Promise<FastifyReply>;
    }
) & {
  /** The form again, with what was refused. */
  refused(problems: FieldProblem[], error: AppError): JSX.Element | Promise<JSX.Element>;
  /** Refusals shown on the form besides VALIDATION_FAILED. */
  alsoShown?: ErrorCode[];
};

export async function submitForm<T>(
  reply: FastifyReply,
  run: () => Promise<T>,
  outcome: FormOutcome<T>,
): Promise<FastifyReply> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    const shown = ['VALIDATION_FAILED', ...(outcome.alsoShown ?? [])];
    if (!(error instanceof AppError) || !shown.includes(error.code)) throw error;
    if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
    return sendHtml(reply, await outcome.refused(error.fields, error), error.status);
  }
  if ('done' in outcome) return outcome.done(result);
  return reply.redirect(outcome.redirect(result), 303);
}
