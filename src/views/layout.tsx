import type { Children } from '@kitajs/html';
import type { PageContext } from '../http/request-context.ts';
import { locales } from '../shared/i18n-text.ts';
import { assetUrl } from './assets.ts';
import { languageNames } from './components.tsx';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** Scripts of this page, by asset path (e.g. "map.js"); htmx is on every page. */
  scripts?: string[];
  styles?: string[];
  /** Extra elements for <head>, e.g. JSON-LD. Must already be safe HTML. */
  head?: string;
  children?: Children;
}

export function LanguageSwitcher({ ctx }: { ctx: PageContext }) {
  return (
    <nav class="languages" aria-label={ctx.t.t('nav.language')}>
      <ul>
        {locales.map((locale) => (
          <li>
            <a
              href={`/${locale}${ctx.path === '/' ? '/' : ctx.path}${ctx.search}`}
              lang={locale}
              hreflang={locale}
              aria-current={locale === ctx.locale ? 'true' : undefined}
            >
              {languageNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** An item of a menu: a link that says so when it leads to the page shown. */
function NavLink({ href, current, children }: { href: string; current: boolean; children: Children }) {
  return (
    <li>
      <a href={href} aria-current={current ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

/** "Log in", or the person's account link and a log-out button (a form: logging out changes state). */
export function AccountNav({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const under = (...prefixes: string[]) => prefixes.some((prefix) => ctx.path.startsWith(prefix));
  const role = ctx.user?.platformRole;
  return (
    <nav class="account-nav" aria-label={t.t('nav.account')}>
      {ctx.user ? (
        <ul>
          <NavLink href={`/${ctx.locale}/account`} current={under('/account')}>
            {t.html('nav.account')}
          </NavLink>
          <NavLink href={`/${ctx.locale}/my/organisations`} current={under('/my/', '/manage/')}>
            {t.html('nav.my_organisations')}
          </NavLink>
          {ctx.user.referralsToSee !== null ? (
            <NavLink href={`/${ctx.locale}/referrals`} current={under('/referrals')}>
              {t.html('nav.referrals')}
              {ctx.user.referralsToSee ? (
                <>
                  {' '}
                  <span class="badge new" safe>
                    {t.t('nav.referrals_new', { count: ctx.user.referralsToSee })}
                  </span>
                </>
              ) : (
                ''
              )}
            </NavLink>
          ) : (
            ''
          )}
          {role === 'analyst' || role === 'admin' ? (
            <NavLink href={`/${ctx.locale}/analysis/referrals`} current={under('/analysis')}>
              {t.html('nav.analysis')}
            </NavLink>
          ) : (
            ''
          )}
          {role === 'moderator' || role === 'admin' ? (
            <NavLink href={`/${ctx.locale}/moderation`} current={under('/moderation')}>
              {t.html('nav.moderation')}
            </NavLink>
          ) : (
            ''
          )}
          {role === 'admin' ? (
            <NavLink href={`/${ctx.locale}/admin/audit`} current={under('/admin')}>
              {t.html('nav.audit')}
            </NavLink>
          ) : (
            ''
          )}
          <li>
            <form method="post" action={`/${ctx.locale}/logout`} class="inline-form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
              <button type="submit" class="link-button">
                {t.html('nav.logout')}
              </button>
            </form>
          </li>
        </ul>
      ) : (
        <ul>
          <NavLink href={`/${ctx.locale}/login`} current={ctx.path === '/login'}>
            {t.html('nav.login')}
          </NavLink>
        </ul>
      )}
    </nav>
  );
}

export function Layout({
  ctx,
  title,
  description,
  scripts = [],
  styles = [],
  head: safeHead,
  children,
}: LayoutProps) {
  const { t } = ctx;
  const nav = [
    { path: '/', label: 'nav.home' },
    { path: '/search', label: 'nav.search' },
    { path: '/directory', label: 'nav.directory' },
    { path: '/map', label: 'nav.map' },
    { path: '/agenda', label: 'nav.agenda' },
    { path: '/questions', label: 'nav.questions' },
  ] as const;
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} · Passerelle`}</title>
          {description ? <meta name="description" content={description} /> : ''}
          <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}' />
          <link rel="stylesheet" href={assetUrl('app.css')} />
          {styles.map((s) => (
            <link rel="stylesheet" href={assetUrl(s)} />
          ))}
          {locales.map((locale) => (
            <link
              rel="alternate"
              hreflang={locale}
              href={`${ctx.origin}/${locale}${ctx.path === '/' ? '/' : ctx.path}${ctx.search}`}
            />
          ))}
          <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
          {safeHead ?? ''}
          <script src={assetUrl('vendor/htmx.min.js')} defer></script>
          <script src={assetUrl('app.js')} defer></script>
          {scripts.map((s) => (
            <script src={assetUrl(s)} defer></script>
          ))}
        </head>
        {/* Links only people who refer can use are hidden for others (result lists are cached for all). */}
        <body class={ctx.user?.referralsToSee !== null && ctx.user ? 'can-refer' : undefined}>
          <a class="skip-link" href="#main">
            {t.html('nav.skip')}
          </a>
          {ctx.showDemoBanner ? (
            <p class="demo-banner" role="note">
              <strong>{t.html('demo.label')}</strong> {t.html('demo.banner')}
            </p>
          ) : (
            ''
          )}
          <header class="site-header">
            <a class="brand" href={`/${ctx.locale}/`}>
              <img src={assetUrl('favicon.svg')} alt="" width="28" height="28" />
              <span>Passerelle</span>
            </a>
            <nav class="main-nav" aria-label={t.t('nav.main')}>
              <ul>
                {nav.map((item) => (
                  <NavLink
                    href={`/${ctx.locale}${item.path}`}
                    current={
                      ctx.path === item.path || (item.path !== '/' && ctx.path.startsWith(`${item.path}/`))
                    }
                  >
                    {t.html(item.label)}
                  </NavLink>
                ))}
              </ul>
            </nav>
            <AccountNav ctx={ctx} />
            <LanguageSwitcher ctx={ctx} />
          </header>
          <main id="main" tabindex="-1">
            {children}
          </main>
          <footer class="site-footer">
            <p>{t.html('footer.about')}</p>
            <p>
              <a href={`/${ctx.locale}/signals/new`}>{t.html('footer.signal')}</a> ·{' '}
              <a href={`/${ctx.locale}/evidence`}>{t.html('footer.evidence')}</a> ·{' '}
              <a href={`/${ctx.locale}/glossary`}>{t.html('footer.glossary')}</a> ·{' '}
              <a href={`/${ctx.locale}/practices`}>{t.html('footer.practices')}</a> ·{' '}
              <a href={`/${ctx.locale}/exchange`}>{t.html('footer.exchange')}</a> ·{' '}
              <a href={`/${ctx.locale}/learn`}>{t.html('footer.learn')}</a>
            </p>
            <p>
              <a href="/api/docs">{t.html('footer.api')}</a> ·{' '}
              <a href="/api/hsds/">{t.html('footer.hsds')}</a>
            </p>
            <p class="credits">{t.html('footer.credits')}</p>
          </footer>
        </body>
      </html>
    </>
  );
}
