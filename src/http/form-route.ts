// The end of every form handler: run the use case; on success go where it says (303, so a reload
// does not post again); when the use case refuses the input, show the form again with the person's
// values and a message next to each field (400). Any other error goes to the error pages.
import type { FastifyReply } from 'fastify';
import { AppError, type ErrorCode, type FieldProblem } from '../shared/errors.ts';
import { sendHtml } from './send-html.ts';

export interface FormOutcome<T> {
  /** Where to go after success. */
  redirect(result: T): string;
  /** The form again, with what was refused. */
  refused(problems: FieldProblem[], error: AppError): JSX.Element | Promise<JSX.Element>;
  /** Refusals shown on the form besides VALIDATION_FAILED. */
  alsoShown?: ErrorCode[];
}

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
    return sendHtml(reply, await outcome.refused(error.fields, error), error.status);
  }
  return reply.redirect(outcome.redirect(result), 303);
}
