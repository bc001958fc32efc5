// The person's own account: their details and where they are logged in.
import Bowser from 'bowser';
import type { PageContext } from '../../../http/request-context.ts';
import { Form, Notice, PostButton } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { SignedInUser } from '../../../http/signed-in.ts';

/** A session as the page lists it. */
export interface SessionView {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

export function AccountPage({
  ctx,
  user,
  notice,
}: {
  ctx: PageContext;
  user: SignedInUser;
  notice?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('accounts.account.title')}>
      <h1>{t.html('accounts.account.title')}</h1>
      {notice ? <Notice text={notice} /> : ''}
      <dl class="facts">
        <dt>{t.html('accounts.account.name')}</dt>
        <dd safe>{user.name}</dd>
        <dt>{t.html('accounts.account.email')}</dt>
        <dd>
          <span safe>{user.email}</span>{' '}
          {user.emailVerifiedAt ? (
            <span class="badge verified">{t.html('accounts.account.verified')}</span>
          ) : (
            <>
              <p class="notice warn">{t.html('accounts.account.not_verified')}</p>
              <PostButton
                ctx={ctx}
                action={`/${ctx.locale}/account/verification`}
                label={t.t('accounts.account.resend')}
              />
            </>
          )}
        </dd>
        <dt>{t.html('accounts.account.locale')}</dt>
        <dd safe>{t.language(user.locale)}</dd>
      </dl>
      <p>
        <a href={`/${ctx.locale}/account/sessions`}>{t.html('accounts.account.sessions_link')}</a>
      </p>
    </Layout>
  );
}

/** "Firefox on Android", from a user agent; the words are product names, the same in every language. */
export function deviceOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (!browser && !os) return null;
  return [browser, os].filter(Boolean).join(' · ');
}

export function SessionsPage({
  ctx,
  sessions,
  currentId,
  notice,
}: {
  ctx: PageContext;
  sessions: SessionView[];
  currentId: string;
  notice?: string;
}) {
  const { t } = ctx;
  const when = (d: Date) =>
    `${t.date(d, 'medium')} ${d.toLocaleTimeString(ctx.locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' })}`;
  return (
    <Layout ctx={ctx} title={t.t('accounts.sessions.title')}>
      <h1>{t.html('accounts.sessions.title')}</h1>
      {notice ? <Notice text={notice} /> : ''}
      <p>{t.html('accounts.sessions.lead')}</p>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t.html('accounts.sessions.device')}</th>
            <th scope="col">{t.html('accounts.sessions.since')}</th>
            <th scope="col">{t.html('accounts.sessions.last_seen')}</th>
            <td></td>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => {
            const device = deviceOf(s.userAgent) ?? t.t('accounts.sessions.unknown_device');
            return (
              <tr>
                <td>
                  <span safe>{device}</span>
                  {s.id === currentId ? (
                    <>
                      {' '}
                      <strong>({t.html('accounts.sessions.this_device')})</strong>
                    </>
                  ) : (
                    ''
                  )}
                </td>
                <td safe>{when(s.createdAt)}</td>
                <td safe>{when(s.lastSeenAt)}</td>
                <td>
                  {s.id === currentId ? (
                    ''
                  ) : (
                    <PostButton
                      ctx={ctx}
                      action={`/${ctx.locale}/account/sessions/end`}
                      label={t.t('accounts.sessions.end')}
                      ariaLabel={t.t('accounts.sessions.end_label', { device })}
                      hidden={{ session: s.id }}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/account/sessions/end-all`}
        submit={t.t('accounts.sessions.everywhere')}
        browserChecks
      >
        <p class="hint">{t.html('accounts.sessions.everywhere_hint')}</p>
      </Form>
    </Layout>
  );
}
