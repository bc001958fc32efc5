// One card of a path, as the learner meets it: where they are, the card's text, and the form that
// takes them on (a text: go on; a situation: one choice; a quiz: one or more options). Every step
// is a POST, so it works without JavaScript; the answer's feedback is its own page.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { formFields } from '../../../views/form-fields.tsx';
import { Form } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { CardLinks } from '../learner/learner-data.ts';
import type { Card } from '../paths/cards.ts';
import type { PathRow } from '../paths/page-data.ts';
import { inReaderLanguage, learnHref, Paragraphs, WhereYouAre } from './card-parts.tsx';

function Links({ ctx, links }: { ctx: PageContext; links: CardLinks }) {
  const { t } = ctx;
  if (!links.concepts.length && !links.services.length) return '';
  return (
    <div class="learn-links">
      {links.concepts.length ? (
        <>
          <h2>{t.html('learning.learn.words')}</h2>
          <ul>
            {links.concepts.map((c) => (
              <li>
                <a href={`/${ctx.locale}/glossary/${c.slug}`} safe>
                  {c.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {links.services.length ? (
        <>
          <h2>{t.html('learning.learn.services')}</h2>
          <ul>
            {links.services.map((s) => (
              <li>
                <a href={`/${ctx.locale}/services/${s.id}`} safe>
                  {pickText(s.name, ctx.locale)?.text ?? ''}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </div>
  );
}

export function CardPage({
  ctx,
  path,
  card,
  links,
  problems = [],
}: {
  ctx: PageContext;
  path: PathRow;
  card: Card;
  links: CardLinks;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const index = path.cards.indexOf(card);
  const pathTitle = inReaderLanguage(ctx, path.title);
  const f = formFields(ctx, { problems });
  const action = learnHref(ctx, path.slug, `/${card.key}`);
  const option = (key: string, label: Card['text']) => {
    const picked = pickText(label, ctx.locale);
    return { value: key, label: picked?.text ?? '', lang: picked?.fallback ? picked.lang : undefined };
  };
  return (
    <Layout
      ctx={ctx}
      title={`${pathTitle} — ${t.t('learning.learn.where', { card: index + 1, total: path.cards.length })}`}
      styles={['learning.css']}
    >
      <p class="learn-path">
        <a href={learnHref(ctx, path.slug)} safe>
          {pathTitle}
        </a>
      </p>
      <WhereYouAre ctx={ctx} index={index} total={path.cards.length} />
      <article class={`learn-card learn-${card.kind}`} aria-labelledby="card-title">
        <h1 id="card-title">{t.html(`learning.kind.${card.kind}`)}</h1>
        <Paragraphs ctx={ctx} text={card.text} />
        {card.kind === 'text' ? (
          <>
            <Links ctx={ctx} links={links} />
            <Form ctx={ctx} action={action} submit={t.t('learning.learn.next')}>
              <input type="hidden" name="step" value="continue" />
            </Form>
          </>
        ) : card.kind === 'situation' ? (
          <Form ctx={ctx} action={action} submit={t.t('learning.learn.choose')} problems={problems}>
            <input type="hidden" name="step" value="choose" />
            {f.choices(
              'choice',
              t.t('learning.learn.what_do_you_do'),
              card.choices.map((c) => option(c.key, c.label)),
            )}
          </Form>
        ) : (
          <Form ctx={ctx} action={action} submit={t.t('learning.learn.answer')} problems={problems}>
            <input type="hidden" name="step" value="answer" />
            {f.choices(
              'options',
              t.t('learning.learn.your_answer'),
              card.options.map((o) => option(o.key, o.label)),
              { multiple: true, hint: t.t('learning.learn.one_or_more') },
            )}
          </Form>
        )}
      </article>
    </Layout>
  );
}
