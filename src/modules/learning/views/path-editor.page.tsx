// A path's own page for those who compose it, without JavaScript: its details in one form, its
// state with the button to publish or take it back, and its cards in order, each with where it
// leads and its own buttons (change, move up or down, remove), then the ways to add a card.
// Every form carries the version it was made from: a change made meanwhile is not overwritten.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { Breadcrumb } from '../../../views/components.tsx';
import { type FormValues, formFields } from '../../../views/form-fields.tsx';
import { Form, Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { cardKinds, endOfPath } from '../learning.vocabulary.ts';
import type { Card } from '../paths/cards.ts';
import { resolveNext } from '../paths/path-graph.ts';
import type { PathRow } from '../paths/page-data.ts';
import { inReaderLanguage } from './card-parts.tsx';
import { detailFields } from './path-form.page.tsx';
import { ProblemList } from './problems.tsx';

/** "card 3", "the end": where a card leads, in words. */
export function targetLabel(ctx: PageContext, cards: readonly Card[], index: number, next: string): string {
  const target = resolveNext(cards, index, next);
  if (target === endOfPath) return ctx.t.t('learning.editor.to_end');
  const at = cards.findIndex((c) => c.key === target);
  return ctx.t.t('learning.editor.to_card', { card: at + 1 });
}

const excerpt = (ctx: PageContext, card: Card) => {
  const text = inReaderLanguage(ctx, card.text);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
};

function CardItem({
  ctx,
  path,
  card,
  index,
}: {
  ctx: PageContext;
  path: PathRow;
  card: Card;
  index: number;
}) {
  const { t } = ctx;
  const base = `/${ctx.locale}/paths/${path.id}/cards/${card.key}`;
  const version = { version: String(path.version) };
  const number = index + 1;
  return (
    <li id={`card-${number}`} class="learn-edit-card">
      <h3>
        {t.html('learning.editor.card', { card: number })} · {t.html(`learning.kind.${card.kind}`)}
      </h3>
      <p safe>{excerpt(ctx, card)}</p>
      {card.kind === 'situation' ? (
        <ul>
          {card.choices.map((c) => (
            <li>
              <span safe>{inReaderLanguage(ctx, c.label)}</span> →{' '}
              <span safe>{targetLabel(ctx, path.cards, index, c.next)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>
          → <span safe>{targetLabel(ctx, path.cards, index, card.next)}</span>
        </p>
      )}
      <div class="actions">
        <a class="button secondary" href={base}>
          {t.html('learning.editor.change')}
          <span class="visually-hidden"> {t.html('learning.editor.card', { card: number })}</span>
        </a>
        {index > 0 ? (
          <PostButton
            ctx={ctx}
            action={`${base}/move`}
            label={t.t('learning.editor.up')}
            ariaLabel={t.t('learning.editor.up_card', { card: number })}
            hidden={{ ...version, direction: 'up' }}
          />
        ) : (
          ''
        )}
        {index < path.cards.length - 1 ? (
          <PostButton
            ctx={ctx}
            action={`${base}/move`}
            label={t.t('learning.editor.down')}
            ariaLabel={t.t('learning.editor.down_card', { card: number })}
            hidden={{ ...version, direction: 'down' }}
          />
        ) : (
          ''
        )}
        <PostButton
          ctx={ctx}
          action={`${base}/remove`}
          label={t.t('learning.editor.remove')}
          ariaLabel={t.t('learning.editor.remove_card', { card: number })}
          hidden={version}
        />
      </div>
    </li>
  );
}

export function PathEditorPage({
  ctx,
  path,
  values,
  problems = [],
  done,
  mayReadCounts,
}: {
  ctx: PageContext;
  path: PathRow;
  values?: FormValues;
  problems?: FieldProblem[];
  done?: string;
  mayReadCounts: boolean;
}) {
  const { t } = ctx;
  const title = inReaderLanguage(ctx, path.title);
  const f = formFields(ctx, {
    values: values ?? {
      slug: path.slug,
      ...Object.fromEntries(Object.entries(path.title).map(([l, v]) => [`title.${l}`, v])),
      ...Object.fromEntries(Object.entries(path.summary).map(([l, v]) => [`summary.${l}`, v])),
    },
    problems,
  });
  const base = `/${ctx.locale}/paths/${path.id}`;
  return (
    <Layout ctx={ctx} title={title} styles={['learning.css']}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/paths`, label: t.t('learning.compose.title') }]}
        current={title}
      />
      <h1 safe>{title}</h1>
      {done ? <Notice text={done} /> : ''}
      <ProblemList ctx={ctx} problems={problems} />
      <section aria-labelledby="state-title">
        <h2 id="state-title">{t.html('learning.editor.state')}</h2>
        <p>
          <span class="badge">{t.html(`learning.status.${path.status}`)}</span>{' '}
          {t.html(
            path.status === 'published' ? 'learning.editor.published_lead' : 'learning.editor.draft_lead',
          )}
        </p>
        <div class="actions">
          <a class="button secondary" href={`/${ctx.locale}/learn/${path.slug}`}>
            {t.html('learning.editor.preview')}
          </a>
          {mayReadCounts ? (
            <a class="button secondary" href={`${base}/choices`}>
              {t.html('learning.counts.title')}
            </a>
          ) : (
            ''
          )}
          {path.status === 'published' ? (
            <PostButton ctx={ctx} action={`${base}/unpublish`} label={t.t('learning.editor.unpublish')} />
          ) : (
            <PostButton
              ctx={ctx}
              action={`${base}/publish`}
              label={t.t('learning.editor.publish')}
              secondary={false}
            />
          )}
        </div>
      </section>
      <section aria-labelledby="cards-title">
        <h2 id="cards-title">{t.html('learning.editor.cards')}</h2>
        <p>{t.html('learning.editor.cards_lead')}</p>
        {path.cards.length ? (
          <ol class="learn-edit-cards">
            {path.cards.map((card, index) => (
              <CardItem ctx={ctx} path={path} card={card} index={index} />
            ))}
          </ol>
        ) : (
          <p class="empty">{t.html('learning.editor.no_cards')}</p>
        )}
        <h3>{t.html('learning.editor.add')}</h3>
        <ul class="actions">
          {cardKinds.map((kind) => (
            <li>
              <a class="button secondary" href={`${base}/cards/new?kind=${kind}`}>
                {t.html(`learning.editor.add_${kind}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t.html('learning.editor.details')}</h2>
        <Form ctx={ctx} action={base} submit={t.t('learning.editor.save')} wide>
          <input type="hidden" name="version" value={String(path.version)} />
          {detailFields(ctx, f)}
        </Form>
      </section>
    </Layout>
  );
}
