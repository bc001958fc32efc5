// Pages for signing up, logging in and getting back into an account.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { locales } from '../../../shared/i18n-text.ts';
import { type FormFields, formFields } from '../../../views/form-fields.tsx';
import { ErrorSummary, Form, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { languageNames } from '../../../views/components.tsx';

interface FormState {
  values?: Record<string, string>;
  problems?: FieldProblem[];
  /** A message about the whole form (a failed log-in, too many attempts). */
  message?: string;
  notice?: string;
}

/** A person's own address, to sign up or to be sent a link. */
const accountEmail = (ctx: PageContext, f: FormFields) =>
  f.email(ctx.t.t('accounts.account.email'), { required: true, autocomplete: 'email' });

/** A password being chosen, with the rules it must meet. */
const newPassword = (ctx: PageContext, f: FormFields, label: string) =>
  f.text('password', label, {
    type: 'password',
    hint: ctx.t.t('accounts.account.password_hint'),
    required: true,
    autocomplete: 'new-password',
    maxlength: 200,
  });

export function SignUpPage({ ctx, values = {}, problems = [], message }: { ctx: PageContext } & FormState) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
  return (
    <Layout ctx={ctx} title={t.t('accounts.signup.title')}>
      <h1>{t.html('accounts.signup.title')}</h1>
      <p class="lead">{t.html('accounts.signup.lead')}</p>
      <ErrorSummary ctx={ctx} problems={problems} />
      {message ? <Notice text={message} tone="warn" /> : ''}
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/signup`}
        submit={t.t('accounts.signup.submit')}
        actions={
          <>
            <a href={`/${ctx.locale}/login`}>{t.html('accounts.signup.have_account')}</a>
          </>
        }
      >
        {f.text('name', t.t('accounts.account.name'), {
          hint: t.t('accounts.account.name_hint'),
          required: true,
          autocomplete: 'name',
          maxlength: 100,
        })}
        {accountEmail(ctx, f)}
        {newPassword(ctx, f, t.t('accounts.account.password'))}
        <div class="field">
          <label for="f-locale">{t.html('accounts.account.locale')}</label>
          <select id="f-locale" name="locale">
            {locales.map((l) => (
              <option value={l} selected={(values.locale ?? ctx.locale) === l ? true : undefined} lang={l}>
                {languageNames[l]}
              </option>
            ))}
          </select>
        </div>
      </Form>
    </Layout>
  );
}

export function CheckYourMailPage({
  ctx,
  title,
  body,
  more,
}: {
  ctx: PageContext;
  title: string;
  body: string;
  more?: string;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <Notice text={body} />
      {more ? <p safe>{more}</p> : ''}
    </Layout>
  );
}

export function LogInPage({
  ctx,
  values = {},
  message,
  notice,
  next,
  locked = false,
}: { ctx: PageContext; next?: string; locked?: boolean } & FormState) {
  const { t } = ctx;
  const linkPage = `/${ctx.locale}/login/link`;
  const f = formFields(ctx, { values });
  return (
    <Layout ctx={ctx} title={t.t('accounts.login.title')}>
      <h1>{t.html('accounts.login.title')}</h1>
      {notice ? <Notice text={notice} /> : ''}
      {message ? (
        <div class="error-summary" role="alert" id="error-summary" tabindex="-1">
          <p safe>{message}</p>
          {locked ? (
            <p>
              {t.html('accounts.login.locked_help')} <a href={linkPage}>{t.html('accounts.login.link')}</a>
            </p>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/login`}
        submit={t.t('accounts.login.submit')}
        actions={
          <>
            <a href={`/${ctx.locale}/password/forgot`}>{t.html('accounts.login.forgot')}</a>
          </>
        }
      >
        {next ? <input type="hidden" name="next" value={next} /> : ''}
        {f.email(t.t('accounts.account.email'), { required: true, autocomplete: 'username' })}
        {f.text('password', t.t('accounts.account.password'), {
          type: 'password',
          required: true,
          autocomplete: 'current-password',
          maxlength: 1000,
        })}
      </Form>
      <p>
        <a href={linkPage}>{t.html('accounts.login.link')}</a>
      </p>
      <p>
        <a href={`/${ctx.locale}/signup`}>{t.html('accounts.login.no_account')}</a>
      </p>
    </Layout>
  );
}

/** The pages that send a one-time link by e-mail: a new password, or a log-in without one. */
export const emailLinkPages = {
  forgot: {
    title: 'accounts.forgot.title',
    lead: 'accounts.forgot.lead',
    submit: 'accounts.forgot.submit',
    action: '/password/forgot',
  },
  login_link: {
    title: 'accounts.login_link.title',
    lead: 'accounts.login_link.lead',
    submit: 'accounts.login_link.submit',
    action: '/login/link/request',
  },
} as const;

export function EmailLinkPage({
  ctx,
  kind,
  values = {},
  problems = [],
  message,
}: { ctx: PageContext; kind: keyof typeof emailLinkPages } & FormState) {
  const { t } = ctx;
  const texts = emailLinkPages[kind];
  return (
    <Layout ctx={ctx} title={t.t(texts.title)}>
      <h1>{t.html(texts.title)}</h1>
      <p>{t.html(texts.lead)}</p>
      <ErrorSummary ctx={ctx} problems={problems} />
      {message ? <Notice text={message} tone="warn" /> : ''}
      <Form ctx={ctx} action={`/${ctx.locale}${texts.action}`} submit={t.t(texts.submit)}>
        {accountEmail(ctx, formFields(ctx, { values, problems }))}
      </Form>
    </Layout>
  );
}

/** Behind the e-mailed link: one button, so that a mail scanner opening the link logs nobody in. */
export function OpenLogInLinkPage({ ctx, token, email }: { ctx: PageContext; token: string; email: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('accounts.login_link.open_title')}>
      <h1>{t.html('accounts.login_link.open_title')}</h1>
      <p safe>{t.t('accounts.login_link.open_lead', { email })}</p>
      <Form
        ctx={ctx}
        action={`/${ctx.locale}/login/link`}
        submit={t.t('accounts.login_link.open_submit')}
        browserChecks
      >
        <input type="hidden" name="token" value={token} />
      </Form>
    </Layout>
  );
}

export function ResetPasswordPage({
  ctx,
  token,
  problems = [],
}: { ctx: PageContext; token: string } & FormState) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('accounts.reset.title')}>
      <h1>{t.html('accounts.reset.title')}</h1>
      <Form
        problems={problems}
        ctx={ctx}
        action={`/${ctx.locale}/password/reset`}
        submit={t.t('accounts.reset.submit')}
      >
        <input type="hidden" name="token" value={token} />
        {newPassword(ctx, formFields(ctx, { problems }), t.t('accounts.account.new_password'))}
        <p class="hint">{t.html('accounts.reset.note')}</p>
      </Form>
    </Layout>
  );
}
