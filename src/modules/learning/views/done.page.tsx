// The completion page, made to be printed: the path's title and the date it was finished, and no
// personal data, unless a signed-in learner types their name for the print (it is not stored).
// Before the end, it says so and offers the way back.
import type { PageContext } from '../../../http/request-context.ts';
import { brusselsFormat } from '../../../shared/brussels-time.ts';
import { formFields } from '../../../views/form-fields.tsx';
import { Form, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { PathRow } from '../paths/page-data.ts';
import { inReaderLanguage, learnHref } from './card-parts.tsx';

const longDate = brusselsFormat({ day: 'numeric', month: 'long', year: 'numeric' });

export function DonePage({
  ctx,
  path,
  completedAt,
  name,
}: {
  ctx: PageContext;
  path: PathRow;
  completedAt: Date | null;
  name?: string;
}) {
  const { t } = ctx;
  const pathTitle = inReaderLanguage(ctx, path.title);
  const title = t.t('learning.done.title');
  const f = formFields(ctx, { values: { name: name ?? '' } });
  return (
    // "Path completed" only in the title of a path the learner finished.
    <Layout ctx={ctx} title={completedAt ? `${pathTitle} — ${title}` : pathTitle} styles={['learning.css']}>
      {completedAt ? (
        <>
          <section class="completion" aria-labelledby="completion-title">
            <p class="completion-brand">Passerelle</p>
            <h1 id="completion-title" safe>
              {title}
            </h1>
            {name ? (
              <p class="completion-name" safe>
                {name}
              </p>
            ) : (
              ''
            )}
            <p>{t.html('learning.done.completed')}</p>
            <p class="completion-path" safe>
              {pathTitle}
            </p>
            <p>{t.html('learning.done.on', { date: longDate(ctx, completedAt) })}</p>
          </section>
          <div class="no-print">
            {ctx.user ? (
              <Form
                ctx={ctx}
                action={learnHref(ctx, path.slug, '/done')}
                submit={t.t('learning.done.show_name')}
              >
                {f.text('name', t.t('learning.done.name'), {
                  maxlength: 100,
                  hint: t.t('learning.done.name_hint'),
                  autocomplete: 'name',
                })}
              </Form>
            ) : (
              <p>{t.html('learning.done.no_name')}</p>
            )}
            <p>{t.html('learning.done.print')}</p>
            <div class="actions">
              <a class="button secondary" href={`/${ctx.locale}/learn`}>
                {t.html('learning.done.other_paths')}
              </a>
              <PostButton
                ctx={ctx}
                action={learnHref(ctx, path.slug, '/start')}
                label={t.t('learning.learn.take_again')}
              />
            </div>
          </div>
        </>
      ) : (
        <>
          <h1 safe>{pathTitle}</h1>
          <p class="empty">{t.html('learning.done.not_yet')}</p>
          <p>
            <a class="button" href={learnHref(ctx, path.slug)}>
              {t.html('learning.done.back')}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}
