// The problems of a refused path or card, above its form: each field's message, and for a problem
// of the whole path the card it is about ("card 3: nothing leads to this card").
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { fieldMessage } from '../../../views/forms.tsx';

export function ProblemList({ ctx, problems }: { ctx: PageContext; problems: FieldProblem[] }) {
  if (!problems.length) return '';
  return (
    <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
      <p>
        <strong safe>{ctx.t.t('form.errors_summary', { count: problems.length })}</strong>
      </p>
      <ul>
        {problems.map((p) => {
          const card = /^card-(\d+)(?:\.(.+))?$/.exec(p.field);
          const message = fieldMessage(ctx, p);
          return card ? (
            <li>
              <a href={`#card-${card[1]}`} safe>
                {ctx.t.t('learning.editor.card_problem', { card: Number(card[1]), problem: message })}
              </a>
            </li>
          ) : (
            <li>
              <a href={`#f-${p.field}`} safe>
                {message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
