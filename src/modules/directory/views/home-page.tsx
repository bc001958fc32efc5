import type { PageContext } from '../../../http/request-context.ts';
import { Section } from '../../../views/components.tsx';
import { href } from '../../../http/request-context.ts';
import { textIn } from '../../../shared/i18n-text.ts';
import { Layout } from '../../../views/layout.tsx';
import { geoReference } from '../../geo/index.ts';
import type { DirectoryCounts, Theme } from '../presenters/page-data.ts';
import { QueryField } from './search-page.tsx';

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

      <Section id="themes" title={t.t('directory.home.themes')}>
        <ul class="theme-grid">
          {themes.map((theme) => (
            <li>
              <a href={href(ctx, '/directory', { theme: theme.code })}>
                <span class="theme-name" safe>
                  {textIn(theme.name, ctx.locale)}
                </span>
                <span class="theme-count" safe>
                  {t.t('directory.home.theme_services', { count: counts.themes[theme.code] ?? 0 })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="communes" title={t.t('directory.home.communes')}>
        <ul class="commune-list">
          {communes.map((c) => (
            <li>
              <a href={href(ctx, '/directory', { commune: c.nis })} safe>
                {c.name[ctx.locale]}
              </a>
            </li>
          ))}
        </ul>
      </Section>

      <section class="about" aria-labelledby="about-title">
        <h2 id="about-title">{t.html('directory.home.about_title')}</h2>
        <p>{t.html('directory.home.about')}</p>
      </section>
    </Layout>
  );
}
