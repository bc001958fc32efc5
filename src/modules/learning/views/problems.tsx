// The problems of a refused path or card, above its form: each field's message, and for a problem
// of the whole path the card it is about ("card 3: nothing leads to this card").
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { ErrorSummary } from '../../../views/forms.tsx';

export function ProblemList({ ctx, problems }: { ctx: PageContext; problems: FieldProblem[] }) {
  return (
    <ErrorSummary
      ctx={ctx}
      problems={problems}
      linkOf={(p, message) => {
        const card = /^card-(\d+)(?:\.(.+))?$/.exec(p.field);
        return card
          ? {
              href: `#card-${card[1]}`,
              text: ctx.t.t('learning.editor.card_problem', { card: Number(card[1]), problem: message }),
            }
          : { href: `#f-${p.field}`, text: message };
      }}
    />
  );
}
