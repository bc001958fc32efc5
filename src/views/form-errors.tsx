// How a refused form says what is wrong: the translated message of a field's problem, the summary
// at the top linking to each field, and the message under a field.
import type { PageContext } from '../http/request-context.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { FieldProblem } from '../shared/errors.ts';

/** The translated message of a field problem, or a general one when it has no own text. */
export function fieldMessage(ctx: PageContext, problem: FieldProblem): string {
  const key = `fields.${problem.code}`;
  if (problem.code && ctx.t.has(key)) {
    try {
      return ctx.t.t(key as MessageKey, problem.values);
    } catch {
      // A message naming a value the problem does not carry: the general one, never a failed page.
    }
  }
  return ctx.t.t('errors.field', { field: problem.field });
}

/**
 * At the top of a refused form: how many fields need attention, each a link to its field — or to
 * where `linkOf` says, with its words (a learning path's problem of a whole card links to the card).
 */
export function ErrorSummary({
  ctx,
  problems,
  linkOf = (p, message) => ({ href: `#f-${p.field}`, text: message }),
}: {
  ctx: PageContext;
  problems: FieldProblem[];
  linkOf?: (problem: FieldProblem, message: string) => { href: string; text: string };
}) {
  if (!problems.length) return '';
  return (
    <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
      <p>
        <strong safe>{ctx.t.t('form.errors_summary', { count: problems.length })}</strong>
      </p>
      <ul>
        {problems.map((p) => {
          const link = linkOf(p, fieldMessage(ctx, p));
          return (
            <li>
              <a href={link.href} safe>
                {link.text}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A field's problem, if it has one, under the id its control's aria-describedby names. */
export function FieldError({
  ctx,
  id,
  problem,
}: {
  ctx: PageContext;
  id: string;
  problem: FieldProblem | undefined;
}) {
  return problem ? (
    <p class="field-error" id={`${id}-error`} safe>
      {fieldMessage(ctx, problem)}
    </p>
  ) : (
    ''
  );
}
