// How often each choice of a situation and each option of a quiz was taken, for the path's authors:
// counts only, with nobody behind them. A choice taken by many where another was meant shows a
// situation that confuses people. A card's counts show only from `minAnswers` answers on.
import type { PageContext } from '../../../http/request-context.ts';
import { Breadcrumb } from '../../../views/components.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { PathRow } from '../paths/page-data.ts';
import { inReaderLanguage } from './card-parts.tsx';

/** The answers a card needs before its counts are shown. */
export const minAnswers = 5;

export function CountsPage({
  ctx,
  path,
  counts,
}: {
  ctx: PageContext;
  path: PathRow;
  counts: Map<string, number>;
}) {
  const { t } = ctx;
  const title = t.t('learning.counts.title');
  const pathTitle = inReaderLanguage(ctx, path.title);
  const count = (card: string, choice: string) => counts.get(`${card}/${choice}`) ?? 0;
  const asked = path.cards.filter((c) => c.kind !== 'text');
  return (
    <Layout ctx={ctx} title={`${pathTitle} — ${title}`} styles={['learning.css']}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/learn/${path.slug}`, label: pathTitle }]}
        current={title}
      />
      <h1 safe>{title}</h1>
      <p>{t.html('learning.counts.lead')}</p>
      <p>{t.html('learning.counts.threshold', { min: minAnswers })}</p>
      {asked.length ? '' : <p class="empty">{t.html('learning.counts.none')}</p>}
      {asked.map((card) => {
        const number = path.cards.indexOf(card) + 1;
        const rows =
          card.kind === 'situation'
            ? card.choices.map((c) => ({
                label: inReaderLanguage(ctx, c.label),
                n: count(card.key, c.key),
                right: false,
              }))
            : card.kind === 'quiz'
              ? card.options.map((o) => ({
                  label: inReaderLanguage(ctx, o.label),
                  n: count(card.key, o.key),
                  right: o.correct,
                }))
              : [];
        const answers =
          card.kind === 'quiz'
            ? count(card.key, 'right') + count(card.key, 'wrong')
            : rows.reduce((sum, r) => sum + r.n, 0);
        if (answers < minAnswers)
          return (
            <section class="learn-counts" aria-labelledby={`counts-${number}`}>
              <h2 id={`counts-${number}`}>
                {t.html('learning.editor.card', { card: number })} · {t.html(`learning.kind.${card.kind}`)}
              </h2>
              <p safe>{inReaderLanguage(ctx, card.text)}</p>
              <p class="empty">{t.html('learning.counts.few', { min: minAnswers })}</p>
            </section>
          );
        return (
          <section class="learn-counts" aria-labelledby={`counts-${number}`}>
            <h2 id={`counts-${number}`}>
              {t.html('learning.editor.card', { card: number })} · {t.html(`learning.kind.${card.kind}`)}
            </h2>
            <p safe>{inReaderLanguage(ctx, card.text)}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    {t.html(card.kind === 'quiz' ? 'learning.counts.option' : 'learning.counts.choice')}
                  </th>
                  <th scope="col">{t.html('learning.counts.times')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>
                      <span safe>{r.label}</span>
                      {r.right ? <> ({t.html('learning.feedback.is_right')})</> : ''}
                    </td>
                    <td safe>{String(r.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {card.kind === 'quiz' ? (
              <p>
                {t.html('learning.counts.answers', {
                  right: count(card.key, 'right'),
                  wrong: count(card.key, 'wrong'),
                })}
              </p>
            ) : (
              ''
            )}
          </section>
        );
      })}
    </Layout>
  );
}
