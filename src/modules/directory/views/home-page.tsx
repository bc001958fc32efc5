import { type Children, escapeHtml } from '@kitajs/html';
import type { PageContext } from '../../../http/request-context.ts';
import { Section } from '../../../views/components.tsx';
import { href } from '../../../http/request-context.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { Layout } from '../../../views/layout.tsx';
import { geoReference } from '../../geo/index.ts';
import type { DirectoryCounts, Theme } from '../presenters/page-data.ts';
import { QueryField } from './search-page.tsx';

/** A heading and a list of ways into the directory, each a link to it with one filter chosen. */
function BrowseList({
  ctx,
  id,
  title,
  class: className,
  links,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  class: string;
  /** What each link shows, as safe HTML. */
  links: { filter: Record<string, string>; content: Children }[];
}) {
  return (
    <Section id={id} title={title}>
      <ul class={className}>
        {links.map((link) => (
          <li>
            <a href={href(ctx, '/directory', link.filter)}>{link.content}</a>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function HomePage({
  ctx,
  counts,
  themes,
}: {
  ctx: PageContext;
  counts: DirectoryCounts;
  themes: Theme[];
}) {
  const { t } = ctx;
  const communes = geoReference().communes;
  return (
    <Layout ctx={ctx} title={t.t('directory.home.title')} description={t.t('directory.home.lead')}>
      <section class="hero">
        <h1>{t.html('directory.home.title')}</h1>
        <p class="lead">{t.html('directory.home.lead')}</p>
        <p class="stats" safe>
          {t.t('directory.home.stats', {
            organisations: counts.organisations,
            services: counts.services,
            informal: counts.informal,
          })}
        </p>
        <form class="search-bar home-search" role="search" method="get" action={`/${ctx.locale}/search`}>
          <QueryField ctx={ctx} id="home-q" />
          <button type="submit">{t.html('directory.search.submit')}</button>
        </form>
        <p class="actions">
          <a class="button" href={href(ctx, '/directory')}>
            {t.html('directory.home.browse')}
          </a>
          <a class="button secondary" href={href(ctx, '/map')}>
            {t.html('directory.home.open_map')}
          </a>
        </p>
      </section>

      <BrowseList
        id="themes"
        title={t.t('directory.home.themes')}
        class="theme-grid"
        links={themes.map((theme) => ({
          filter: { theme: theme.code },
          content: (
            <>
              <span class="theme-name" safe>
                {textIn(theme.name, ctx.locale)}
              </span>
              <span class="theme-count" safe>
                {t.t('directory.home.theme_services', { count: counts.themes[theme.code] ?? 0 })}
              </span>
            </>
          ),
        }))}
        ctx={ctx}
      />
      <BrowseList
        id="communes"
        title={t.t('directory.home.communes')}
        class="commune-list"
        links={communes.map((c) => ({ filter: { commune: c.nis }, content: escapeHtml(c.name[ctx.locale]) }))}
        ctx={ctx}
      />

      <section class="about" aria-labelledby="about-title">
        <h2 id="about-title">{t.html('directory.home.about_title')}</h2>
        <p>{t.html('directory.home.about')}</p>
      </section>
    </Layout>
  );
}
