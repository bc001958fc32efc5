// A path's first page: what it is about, how many cards, and where the learner is: new, at a card
// (go on, or start again), finished (see the completion page, or take it again), or coming back to
// a path that changed since (start again).
import type { PageContext } from '../../../http/request-context.ts';
import { Breadcrumb } from '../../../views/components.tsx';
import { Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { ProgressState } from '../learner/progress.ts';
import type { PathRow } from '../paths/page-data.ts';
import { inReaderLanguage, learnHref, Paragraphs } from './card-parts.tsx';

export function PathStartPage({
  ctx,
  path,
  state,
  composer,
}: {
  ctx: PageContext;
  path: PathRow;
  state: ProgressState;
  composer: boolean;
}) {
  const { t } = ctx;
  const title = inReaderLanguage(ctx, path.title);
  const start = (label: string, secondary = false) => (
    <PostButton ctx={ctx} action={learnHref(ctx, path.slug, '/start')} label={label} secondary={secondary} />
  );
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={inReaderLanguage(ctx, path.summary)}
      styles={['learning.css']}
    >
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/learn`, label: t.t('learning.list.title') }]}
        current={title}
      />
      <h1 safe>{title}</h1>
      {path.status !== 'published' ? <Notice tone="warn" text={t.t('learning.learn.draft_preview')} /> : ''}
      {path.isDemo ? <p class="notice warn">{t.html('learning.learn.demo')}</p> : ''}
      <Paragraphs ctx={ctx} text={path.summary} />
      <p>{t.html('learning.list.cards', { count: path.cards.length })}</p>
      {!path.cards.length ? (
        <p class="empty">{t.html('learning.learn.no_cards')}</p>
      ) : state.kind === 'at' ? (
        <div class="actions">
          <p>{t.html('learning.learn.where', { card: state.index + 1, total: path.cards.length })}</p>
          <a class="button" href={learnHref(ctx, path.slug, `/${path.cards[state.index]!.key}`)}>
            {t.html('learning.learn.continue')}
          </a>
          {start(t.t('learning.learn.start_again'), true)}
        </div>
      ) : state.kind === 'finished' ? (
        <div class="actions">
          <a class="button" href={learnHref(ctx, path.slug, '/done')}>
            {t.html('learning.learn.see_completion')}
          </a>
          {start(t.t('learning.learn.take_again'), true)}
        </div>
      ) : (
        <>
          {state.kind === 'changed' ? <Notice tone="warn" text={t.t('learning.learn.changed')} /> : ''}
          <div class="actions">{start(t.t('learning.learn.start'))}</div>
        </>
      )}
      {composer ? (
        <p>
          <a href={`/${ctx.locale}/paths/${path.id}`}>{t.html('learning.learn.edit')}</a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
