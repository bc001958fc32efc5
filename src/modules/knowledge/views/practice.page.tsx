// A practice's page: its title, summary and story in the reader's language (or another, said so),
// the worksheet's three lists, the organisations involved and their services, the contact person,
// links, its PDF attachments and related practices. Its organisation's members change, publish and unpublish it;
// moderators feature and unpublish it.
import type { PageContext } from '../../../http/request-context.ts';
import { pickText, textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb, Localized } from '../../../views/components.tsx';
import { Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { PageTerm } from '../../glossary/index.ts';
import { GlossaryTerms } from '../../glossary/views.ts';
import { worksheetKinds } from '../knowledge.vocabulary.ts';
import type { PracticePageData } from '../practices/page-data.ts';
import { AttachmentList } from './attachments.tsx';
import { communeName, itemOption } from './parts.tsx';

export function PracticePage({
  ctx,
  data,
  themeName,
  done,
  terms = [],
}: {
  ctx: PageContext;
  data: PracticePageData;
  themeName: (code: string) => string;
  done?: string;
  /** The glossary's words the page's texts name. */
  terms?: readonly PageTerm[];
}) {
  const { t } = ctx;
  const { practice } = data;
  const base = `/${ctx.locale}/practices/${practice.slug}`;
  const title = pickText(practice.title, ctx.locale);
  const ownerName = textIn(data.owner.name, ctx.locale);
  const published = practice.status === 'published';
  return (
    <Layout
      ctx={ctx}
      title={title?.text ?? ''}
      description={textIn(practice.summary, ctx.locale) || undefined}
    >
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/practices`, label: t.t('knowledge.library.title') }]}
        current={title?.text ?? ''}
      />
      {done ? <Notice text={done} /> : ''}
      {data.demo ? <p class="demo-label">{t.html('knowledge.practice.demo')}</p> : ''}
      {practice.status === 'draft' ? (
        <p class="notice warn" safe>
          {t.t('knowledge.practice.draft_notice', { organisation: ownerName })}
        </p>
      ) : practice.status === 'unpublished' ? (
        <p class="notice warn" safe>
          {t.t('knowledge.practice.unpublished_notice', { organisation: ownerName })}
        </p>
      ) : (
        ''
      )}
      <article class="practice">
        <h1 lang={title?.fallback ? title.lang : undefined} safe>
          {title?.text ?? ''}
        </h1>
        <p class="byline">
          {t.html('knowledge.practice.written_by')}{' '}
          <a href={`/${ctx.locale}/organisations/${data.owner.id}`} safe>
            {ownerName}
          </a>
        </p>
        <ul class="badges">
          {practice.featured ? <li class="badge verified">{t.html('knowledge.library.featured')}</li> : ''}
          <li class="badge" safe>
            {t.t(`knowledge.status.${practice.status}`)}
          </li>
          {practice.themes.map((c) => (
            <li class="badge" safe>
              {themeName(c)}
            </li>
          ))}
          {practice.communes.map((c) => (
            <li class="badge" safe>
              {communeName(ctx, c)}
            </li>
          ))}
        </ul>
        <div class="lead">
          <Localized ctx={ctx} value={practice.summary} block />
        </div>
        {pickText(practice.story, ctx.locale) ? (
          <section aria-labelledby="story-title">
            <h2 id="story-title">{t.html('knowledge.practice.story')}</h2>
            <Localized ctx={ctx} value={practice.story} block />
          </section>
        ) : (
          ''
        )}
        <div class="worksheet">
          {worksheetKinds.map((kind) =>
            data.lists[kind].length ? (
              <section class={`worksheet-list worksheet-${kind}`} aria-labelledby={`list-${kind}`}>
                <h2 id={`list-${kind}`}>{t.html(`knowledge.kind.${kind}`)}</h2>
                <ul>
                  {data.lists[kind].map((item) => {
                    const o = itemOption(ctx, item);
                    return (
                      <li lang={o.lang} safe>
                        {o.label}
                      </li>
                    );
                  })}
                </ul>
              </section>
            ) : (
              ''
            ),
          )}
        </div>
        {data.organisations.length ? (
          <section aria-labelledby="organisations-title">
            <h2 id="organisations-title">{t.html('knowledge.practice.organisations')}</h2>
            <ul class="practice-organisations">
              {data.organisations.map((o) => (
                <li>
                  <a href={`/${ctx.locale}/organisations/${o.id}`} safe>
                    {textIn(o.name, ctx.locale)}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        {practice.contactName || practice.contactWay ? (
          <section aria-labelledby="contact-title">
            <h2 id="contact-title">{t.html('knowledge.practice.contact')}</h2>
            <p safe>{[practice.contactName, practice.contactWay].filter(Boolean).join(' — ')}</p>
          </section>
        ) : (
          ''
        )}
        {practice.links.length ? (
          <section aria-labelledby="links-title">
            <h2 id="links-title">{t.html('knowledge.practice.links')}</h2>
            <ul class="practice-links">
              {practice.links.map((url) => (
                <li>
                  <a href={url} rel="nofollow noopener noreferrer" safe>
                    {url}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        <AttachmentList ctx={ctx} attachments={data.attachments} />
      </article>
      {data.services.length ? (
        <section aria-labelledby="services-title">
          <h2 id="services-title">{t.html('knowledge.practice.services')}</h2>
          <ul class="cards practice-services">
            {data.services.map((s) => (
              <li class="card">
                <h3>
                  <a href={`/${ctx.locale}/services/${s.id}`} safe>
                    {textIn(s.name, ctx.locale)}
                  </a>
                </h3>
                <p class="summary" safe>
                  {textIn(s.organisation, ctx.locale)}
                </p>
                {s.communes.length ? (
                  <p class="count" safe>
                    {s.communes.map((c) => communeName(ctx, c)).join(', ')}
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {data.related.length ? (
        <section aria-labelledby="related-title">
          <h2 id="related-title">{t.html('knowledge.practice.related')}</h2>
          <ul class="related-practices">
            {data.related.map((r) => (
              <li>
                <a href={`/${ctx.locale}/practices/${r.slug}`} safe>
                  {textIn(r.title, ctx.locale)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {data.owns ? (
        <section aria-labelledby="actions-title" class="practice-actions">
          <h2 id="actions-title">{t.html('knowledge.practice.actions')}</h2>
          <p>
            <a class="button secondary" href={`${base}/edit`}>
              {t.html('knowledge.practice.edit')}
            </a>
          </p>
          {published ? (
            <PostButton ctx={ctx} action={`${base}/unpublish`} label={t.t('knowledge.practice.unpublish')} />
          ) : data.takenDown ? (
            <p safe>{t.t('knowledge.practice.taken_down_notice')}</p>
          ) : (
            <PostButton
              ctx={ctx}
              action={`${base}/publish`}
              label={t.t('knowledge.practice.publish')}
              secondary={false}
            />
          )}
        </section>
      ) : (
        ''
      )}
      {data.moderator && data.takenDown ? (
        <section aria-labelledby="moderation-title" class="practice-actions">
          <h2 id="moderation-title">{t.html('knowledge.practice.moderation')}</h2>
          <PostButton ctx={ctx} action={`${base}/publish`} label={t.t('knowledge.practice.publish')} />
        </section>
      ) : (
        ''
      )}
      {data.moderator && published ? (
        <section aria-labelledby="moderation-title" class="practice-actions">
          <h2 id="moderation-title">{t.html('knowledge.practice.moderation')}</h2>
          <PostButton
            ctx={ctx}
            action={`${base}/${practice.featured ? 'unfeature' : 'feature'}`}
            label={t.t(practice.featured ? 'knowledge.practice.unfeature' : 'knowledge.practice.feature')}
          />{' '}
          {data.owns ? (
            ''
          ) : (
            <PostButton ctx={ctx} action={`${base}/unpublish`} label={t.t('knowledge.practice.unpublish')} />
          )}
        </section>
      ) : (
        ''
      )}
      <GlossaryTerms ctx={ctx} terms={terms} />
    </Layout>
  );
}
