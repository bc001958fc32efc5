// A funding call: funder, deadline and opening in the call's zone, amounts, who is eligible and
// where, its summary in its languages and the link to the official text; following it for one's
// organisations, asking for help with it (a request on the board) and the requests already made;
// for its publisher's members and the moderators, changing or withdrawing it.
import type { PageContext } from '../../../http/request-context.ts';
import { locales, pickText, textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb, label, languageNames, OrganisationLink } from '../../../views/components.tsx';
import { Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { CallPageData } from '../calls/page-data.ts';
import type { ThemeOption } from '../posts/page-data.ts';
import { amountText, eligibilityText, momentText } from './call-parts.tsx';
import { placeText, themeNamer } from './parts.tsx';

export function CallPage({
  ctx,
  data,
  themes,
  done,
}: {
  ctx: PageContext;
  data: CallPageData;
  themes: ThemeOption[];
  done?: string;
}) {
  const { t } = ctx;
  const { call } = data;
  const title = pickText(call.title, ctx.locale);
  const titleText = title?.text ?? '';
  const themeName = themeNamer(ctx, themes);
  const summaries = [ctx.locale, ...locales.filter((l) => l !== ctx.locale)].filter((l) => call.summary[l]);
  const amount = amountText(ctx, call);
  const base = `/${ctx.locale}/exchange/calls/${call.id}`;
  const open = call.status === 'published' && call.closesAt > new Date();
  return (
    <Layout ctx={ctx} title={titleText}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ href: `/${ctx.locale}/exchange/calls`, label: t.t('exchange.calls.title') }]}
        current={titleText}
      />
      {done ? <Notice text={done} /> : ''}
      <p class="exchange-what" safe>
        {label(ctx, 'exchange.funder', call.funder)}
      </p>
      <h1 lang={title?.fallback ? title.lang : undefined} safe>
        {titleText}
      </h1>
      {call.isDemo ? <p class="demo-label">{t.html('exchange.calls.demo')}</p> : ''}
      {call.status === 'withdrawn' ? (
        <p class="notice warn">{t.html('exchange.calls.withdrawn_note')}</p>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt>{t.html('exchange.calls.deadline_label')}</dt>
        <dd safe>{momentText(ctx, call.closesAt, call.timeZone)}</dd>
        <dt>{t.html('exchange.calls.opens_label')}</dt>
        <dd safe>{momentText(ctx, call.opensAt, call.timeZone)}</dd>
        {amount ? (
          <>
            <dt>{t.html('exchange.calls.amount')}</dt>
            <dd safe>{amount}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{t.html('exchange.calls.eligible')}</dt>
        <dd safe>{eligibilityText(ctx, call)}</dd>
        <dt>{t.html('exchange.post.where')}</dt>
        <dd safe>{placeText(ctx, call)}</dd>
        <dt>{t.html('exchange.post.themes')}</dt>
        <dd safe>
          {call.themes.length ? call.themes.map(themeName).join(', ') : t.t('exchange.calls.any_theme')}
        </dd>
        <dt>{t.html('exchange.calls.publisher')}</dt>
        <dd>
          {data.publisher ? (
            <OrganisationLink ctx={ctx} organisation={data.publisher} />
          ) : (
            t.html('exchange.calls.by_moderators')
          )}
        </dd>
        <dt>{t.html('exchange.calls.official_text')}</dt>
        <dd>
          <a href={call.link} rel="noopener noreferrer external" safe>
            {call.link}
          </a>
        </dd>
      </dl>
      {summaries.map((l) => (
        <section class="exchange-body" lang={l} aria-label={languageNames[l]}>
          {summaries.length > 1 ? <h2>{languageNames[l]}</h2> : ''}
          {call.summary[l]!.split(/\n{2,}/).map((para) => (
            <p safe>{para}</p>
          ))}
        </section>
      ))}
      {data.mayChange ? (
        <div class="actions exchange-actions">
          {data.mayEdit ? (
            <a class="button secondary" href={`${base}/edit`}>
              {t.html('exchange.post.edit')}
            </a>
          ) : (
            ''
          )}
          <PostButton ctx={ctx} action={`${base}/withdraw`} label={t.t('exchange.calls.withdraw')} />
        </div>
      ) : (
        ''
      )}
      {open && data.organisations.length ? (
        <section aria-labelledby="follow-title">
          <h2 id="follow-title">{t.html('exchange.calls.follow_title')}</h2>
          <p>{t.html('exchange.calls.follow_lead')}</p>
          <ul class="plain-list">
            {data.organisations.map((o) => {
              const name = textIn(o.name, ctx.locale);
              return (
                <li>
                  <span safe>{name}</span>{' '}
                  {o.following ? <strong>{t.html('exchange.calls.following')}</strong> : ''}{' '}
                  <PostButton
                    ctx={ctx}
                    action={`${base}/${o.following ? 'unfollow' : 'follow'}`}
                    label={t.t(o.following ? 'exchange.calls.unfollow' : 'exchange.calls.follow')}
                    ariaLabel={t.t(
                      o.following ? 'exchange.calls.unfollow_for' : 'exchange.calls.follow_for',
                      {
                        organisation: name,
                      },
                    )}
                    hidden={{ organisation: o.id }}
                  />
                  {o.following ? (
                    <>
                      {' '}
                      <a href={o.feed} safe>
                        {t.t('exchange.calls.followed_feed_link', { organisation: name })}
                      </a>
                    </>
                  ) : (
                    ''
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="help-title">
        <h2 id="help-title">{t.html('exchange.calls.help_title')}</h2>
        <p>{t.html('exchange.calls.help_lead')}</p>
        {data.help.length ? (
          <ul>
            {data.help.map((h) => (
              <li>
                <a href={`/${ctx.locale}/exchange/${h.id}`} safe>
                  {t.t('exchange.calls.help_by', { organisation: textIn(h.organisation, ctx.locale) })}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          ''
        )}
        {open && data.organisations.length ? (
          <p>
            <a class="button secondary" href={`${base}/help`}>
              {t.html('exchange.calls.ask_help')}
            </a>
          </p>
        ) : (
          ''
        )}
      </section>
    </Layout>
  );
}
