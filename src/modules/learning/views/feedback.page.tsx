// After a choice or an answer: what the learner chose, its feedback (for a quiz, right or not and
// which options were right), and the way on: the next card, or the end of the path.
import type { PageContext } from '../../../http/request-context.ts';
import { Layout } from '../../../views/layout.tsx';
import { endOfPath } from '../learning.vocabulary.ts';
import type { Choice, QuizCard, SituationCard } from '../paths/cards.ts';
import type { PathRow } from '../paths/page-data.ts';
import { inReaderLanguage, learnHref, Paragraphs, WhereYouAre } from './card-parts.tsx';

export type Feedback =
  | { kind: 'situation'; card: SituationCard; choice: Choice; next: string }
  | { kind: 'quiz'; card: QuizCard; chosen: string[]; right: boolean; next: string };

export function FeedbackPage({
  ctx,
  path,
  feedback,
}: {
  ctx: PageContext;
  path: PathRow;
  feedback: Feedback;
}) {
  const { t } = ctx;
  const { card, next } = feedback;
  const index = path.cards.indexOf(card);
  const pathTitle = inReaderLanguage(ctx, path.title);
  const title = t.t('learning.feedback.title');
  return (
    <Layout ctx={ctx} title={`${pathTitle} — ${title}`} styles={['learning.css']}>
      <p class="learn-path">
        <a href={learnHref(ctx, path.slug)} safe>
          {pathTitle}
        </a>
      </p>
      <WhereYouAre ctx={ctx} index={index} total={path.cards.length} />
      <article class="learn-card learn-feedback" aria-labelledby="feedback-title">
        <h1 id="feedback-title" safe>
          {title}
        </h1>
        {feedback.kind === 'situation' ? (
          <>
            <p>
              <strong>{t.html('learning.feedback.you_chose')}</strong>{' '}
              <span safe>{inReaderLanguage(ctx, feedback.choice.label)}</span>
            </p>
            <Paragraphs ctx={ctx} text={feedback.choice.feedback} />
          </>
        ) : (
          <>
            <p class={feedback.right ? 'notice' : 'notice warn'} role="status">
              {t.html(feedback.right ? 'learning.feedback.right' : 'learning.feedback.wrong')}
            </p>
            <ul class="learn-options">
              {feedback.card.options.map((o) => (
                <li class={o.correct ? 'right' : undefined}>
                  <span safe>{inReaderLanguage(ctx, o.label)}</span>{' '}
                  <small>
                    {o.correct ? t.html('learning.feedback.is_right') : ''}
                    {feedback.chosen.includes(o.key) ? <> ({t.html('learning.feedback.yours')})</> : ''}
                  </small>
                </li>
              ))}
            </ul>
            <Paragraphs ctx={ctx} text={feedback.card.feedback} />
          </>
        )}
        <p class="actions">
          {next === endOfPath ? (
            <a class="button" href={learnHref(ctx, path.slug, '/done')}>
              {t.html('learning.feedback.finish')}
            </a>
          ) : (
            <a class="button" href={learnHref(ctx, path.slug, `/${next}`)}>
              {t.html('learning.feedback.go_on')}
            </a>
          )}
        </p>
      </article>
    </Layout>
  );
}
