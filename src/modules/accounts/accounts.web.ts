// Pages and form posts of accounts: sign-up, e-mail confirmation, log-in and -out, password reset,
// the account page and its sessions. Every form works without JavaScript; a refused form comes
// back with the person's input and a message next to each field.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../http/deps.ts';
import { errorMessage } from '../../http/error-handler.ts';
import { submitForm } from '../../http/form-route.ts';
import { pageContext } from '../../http/request-context.ts';
import { sendHtml } from '../../http/send-html.ts';
import { deviceCookieName, signInCookies, signOutCookies } from '../../http/session-cookie.ts';
import { AppError, type ErrorCode } from '../../shared/errors.ts';
import { isLocale } from '../../shared/i18n-text.ts';
import { PasswordText } from '../../shared/schema-text.ts';
import type { AccountContext } from './account-context.ts';
import { createAccountLimits } from './account-limits.ts';
import { findUserById, listSessionsOfUser } from './accounts.repo.ts';
import { requireSignedIn } from '../../http/signed-in.ts';
import { contextAs } from '../../http/use-case-context.ts';
import { safeNext } from '../../shared/safe-next.ts';
import { logIn } from './use-cases/log-in.ts';
import { logInLinkAddress, logInWithLink } from './use-cases/log-in-with-link.ts';
import { logInLinkMinutes, requestLogInLink } from './use-cases/request-log-in-link.ts';
import { endSession, logOut, logOutEverywhere } from './use-cases/log-out.ts';
import { requestPasswordReset, resetLinkMinutes } from './use-cases/request-password-reset.ts';
import { isResetLinkValid, resetPassword } from './use-cases/reset-password.ts';
import { resendVerification } from './use-cases/resend-verification.ts';
import { signUp } from './use-cases/sign-up.ts';
import { verifyEmail } from './use-cases/verify-email.ts';
import { AccountPage, SessionsPage } from './views/account-pages.tsx';
import {
  CheckYourMailPage,
  EmailLinkPage,
  emailLinkPages,
  LogInPage,
  OpenLogInLinkPage,
  ResetPasswordPage,
  SignUpPage,
} from './views/auth-pages.tsx';

// Generous bounds: the use cases give the real, translated reasons; these only stop absurd bodies.
const text = Type.Optional(Type.String({ maxLength: 5_000 }));
const password = Type.Optional(PasswordText({ maxLength: 5_000 }));
const SignUpBody = Type.Object({ name: text, email: text, password, locale: text });
const LogInBody = Type.Object({ email: text, password, next: text });
const EmailBody = Type.Object({ email: text });
const ResetBody = Type.Object({ token: text, password });
const TokenBody = Type.Object({ token: text });
const SessionBody = Type.Object({ session: text });
const TokenQuery = Type.Object({ token: text });
const LogInQuery = Type.Object({
  next: text,
  reset: Type.Optional(Type.Literal('1')),
  out: Type.Optional(Type.Literal('1')),
  ended: Type.Optional(Type.Literal('1')),
  verified: Type.Optional(Type.Literal('1')),
});
const AccountQuery = Type.Object({
  verified: Type.Optional(Type.Literal('1')),
  resent: Type.Optional(Type.Literal('1')),
});
const SessionsQuery = Type.Object({ ended: Type.Optional(Type.Literal('1')) });

/** What these forms show as a refusal besides invalid input: too many tries, a wrong password. */
const refusals: ErrorCode[] = ['RATE_LIMITED', 'LOGIN_FAILED'];

export const accountsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { config, db } = deps;
  const limits = createAccountLimits(deps.database.pool);
  const page = async (request: FastifyRequest) => pageContext(request, config, await deps.demoBanner());
  const accountContext = (request: FastifyRequest): AccountContext => ({
    ...contextAs(request, deps, null),
    ip: request.ip,
    limits,
    userAgent: request.headers['user-agent'],
  });

  app.get('/signup', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await page(request);
    if (ctx.user) return reply.redirect(`/${ctx.locale}/account`, 303);
    return sendHtml(reply, SignUpPage({ ctx }));
  });

  app.post('/signup', { schema: { hide: true, body: SignUpBody } }, async (request, reply) => {
    const ctx = await page(request);
    const { name = '', email = '', password = '', locale } = request.body;
    const account = { name, email, password, locale: isLocale(locale) ? locale : ctx.locale };
    return submitForm(reply, () => signUp(accountContext(request), account), {
      alsoShown: refusals,
      refused: (problems, error) =>
        SignUpPage({
          ctx,
          values: { name, email, locale: locale ?? ctx.locale },
          problems,
          message: error.code === 'RATE_LIMITED' ? errorMessage(ctx.t, error) : undefined,
        }),
      done: () =>
        sendHtml(
          reply,
          CheckYourMailPage({
            ctx,
            title: ctx.t.t('accounts.signup.done.title'),
            body: ctx.t.t('accounts.signup.done.body', { email: email.trim() }),
            more: ctx.t.t('accounts.signup.done.nothing'),
          }),
        ),
    });
  });

  app.get('/verify-email', { schema: { hide: true, querystring: TokenQuery } }, async (request, reply) => {
    const user = await verifyEmail(accountContext(request), request.query.token);
    const locale = (await page(request)).locale;
    // Already signed in as that person: back to the account. Otherwise they log in with their password.
    if (request.signedIn?.user.id === user.id) return reply.redirect(`/${locale}/account?verified=1`, 303);
    return reply.redirect(`/${locale}/login?verified=1`, 303);
  });

  app.get('/login', { schema: { hide: true, querystring: LogInQuery } }, async (request, reply) => {
    const ctx = await page(request);
    const { next, reset, out, ended, verified } = request.query;
    const notice = verified
      ? ctx.t.t('accounts.login.verified')
      : reset
        ? ctx.t.t('accounts.login.password_changed')
        : ended || request.sessionEnded
          ? ctx.t.t('accounts.login.session_ended')
          : out
            ? ctx.t.t('accounts.login.logged_out')
            : next
              ? ctx.t.t('accounts.login.needed')
              : undefined;
    return sendHtml(reply, LogInPage({ ctx, next: safeNext(next), notice }));
  });

  app.post('/login', { schema: { hide: true, body: LogInBody } }, async (request, reply) => {
    const ctx = await page(request);
    const { email = '', password = '', next } = request.body;
    const deviceToken = request.cookies[deviceCookieName(config)];
    return submitForm(reply, () => logIn(accountContext(request), { email, password, deviceToken }), {
      alsoShown: refusals,
      refused: (_problems, error) =>
        LogInPage({
          ctx,
          values: { email },
          next: safeNext(next),
          message: errorMessage(ctx.t, error),
          locked: error.code === 'RATE_LIMITED',
        }),
      done: (signedIn) => {
        const { user } = signedIn;
        signInCookies(reply, config, signedIn);
        return reply.redirect(
          safeNext(next) ?? `/${isLocale(user.locale) ? user.locale : ctx.locale}/account`,
          303,
        );
      },
    });
  });

  app.get('/login/link', { schema: { hide: true, querystring: TokenQuery } }, async (request, reply) => {
    const ctx = await page(request);
    const { token } = request.query;
    if (token === undefined) return sendHtml(reply, EmailLinkPage({ ctx, kind: 'login_link' }));
    const email = await logInLinkAddress({ db, now: new Date() }, token);
    if (!email) throw new AppError('TOKEN_INVALID');
    return sendHtml(reply, OpenLogInLinkPage({ ctx, token, email }));
  });

  app.post('/login/link', { schema: { hide: true, body: TokenBody } }, async (request, reply) => {
    const ctx = await page(request);
    const deviceToken = request.cookies[deviceCookieName(config)];
    const signedIn = await logInWithLink(accountContext(request), { token: request.body.token, deviceToken });
    signInCookies(reply, config, signedIn);
    const locale = isLocale(signedIn.user.locale) ? signedIn.user.locale : ctx.locale;
    return reply.redirect(`/${locale}/account`, 303);
  });

  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    if (request.signedIn) await logOut(accountContext(request), request.signedIn);
    signOutCookies(reply, config);
    return reply.redirect(`/${(await page(request)).locale}/login?out=1`, 303);
  });

  /** A form that e-mails a one-time link; the answer never says whether the address has an account. */
  const emailLinkForm = (
    kind: keyof typeof emailLinkPages,
    send: (request: FastifyRequest, email: string) => Promise<string>,
  ) => {
    const path = emailLinkPages[kind].action;
    app.post(path, { schema: { hide: true, body: EmailBody } }, async (request, reply) => {
      const ctx = await page(request);
      const { email = '' } = request.body;
      return submitForm(reply, () => send(request, email), {
        alsoShown: refusals,
        refused: (problems, error) => {
          const message = error.code === 'RATE_LIMITED' ? errorMessage(ctx.t, error) : undefined;
          return EmailLinkPage({ ctx, kind, values: { email }, problems, message });
        },
        done: (body) =>
          sendHtml(reply, CheckYourMailPage({ ctx, title: ctx.t.t('accounts.signup.done.title'), body })),
      });
    });
  };

  app.get('/password/forgot', { schema: { hide: true } }, async (request, reply) =>
    sendHtml(reply, EmailLinkPage({ ctx: await page(request), kind: 'forgot' })),
  );
  emailLinkForm('forgot', async (request, email) => {
    await requestPasswordReset(accountContext(request), { email });
    const { t } = await page(request);
    return t.t('accounts.forgot.done', { email: email.trim(), minutes: resetLinkMinutes });
  });
  emailLinkForm('login_link', async (request, email) => {
    const sent = await requestLogInLink(accountContext(request), { email });
    const { t } = await page(request);
    return sent === 'sent'
      ? t.t('accounts.login_link.done', { email: email.trim(), minutes: logInLinkMinutes })
      : t.t('accounts.login_link.sent_recently', { email: email.trim(), minutes: logInLinkMinutes });
  });

  app.get('/password/reset', { schema: { hide: true, querystring: TokenQuery } }, async (request, reply) => {
    const { token } = request.query;
    if (!(await isResetLinkValid({ db, now: new Date() }, token))) throw new AppError('TOKEN_INVALID');
    return sendHtml(reply, ResetPasswordPage({ ctx: await page(request), token: token! }));
  });

  app.post('/password/reset', { schema: { hide: true, body: ResetBody } }, async (request, reply) => {
    const ctx = await page(request);
    const { token = '', password = '' } = request.body;
    return submitForm(reply, () => resetPassword(accountContext(request), { token, password }), {
      alsoShown: refusals,
      refused: (problems) => ResetPasswordPage({ ctx, token, problems }),
      done: () => {
        signOutCookies(reply, config);
        return reply.redirect(`/${ctx.locale}/login?reset=1`, 303);
      },
    });
  });

  app.get('/account', { schema: { hide: true, querystring: AccountQuery } }, async (request, reply) => {
    const signedIn = requireSignedIn(request);
    const ctx = await page(request);
    const user = (await findUserById(db, signedIn.user.id)) ?? signedIn.user;
    const notice = request.query.verified
      ? ctx.t.t('accounts.account.just_verified')
      : request.query.resent
        ? ctx.t.t('accounts.account.resent', { email: user.email })
        : undefined;
    return sendHtml(reply, AccountPage({ ctx, user, notice }));
  });

  app.post('/account/verification', { schema: { hide: true } }, async (request, reply) => {
    const signedIn = requireSignedIn(request);
    await resendVerification(accountContext(request), signedIn);
    return reply.redirect(`/${(await page(request)).locale}/account?resent=1`, 303);
  });

  app.get(
    '/account/sessions',
    { schema: { hide: true, querystring: SessionsQuery } },
    async (request, reply) => {
      const signedIn = requireSignedIn(request);
      const ctx = await page(request);
      const sessions = await listSessionsOfUser(db, signedIn.user.id, new Date());
      const notice = request.query.ended ? ctx.t.t('accounts.sessions.ended') : undefined;
      return sendHtml(reply, SessionsPage({ ctx, sessions, currentId: signedIn.sessionId, notice }));
    },
  );

  app.post('/account/sessions/end', { schema: { hide: true, body: SessionBody } }, async (request, reply) => {
    const signedIn = requireSignedIn(request);
    await endSession(accountContext(request), signedIn, request.body.session ?? '');
    return reply.redirect(`/${(await page(request)).locale}/account/sessions?ended=1`, 303);
  });

  app.post('/account/sessions/end-all', { schema: { hide: true } }, async (request, reply) => {
    const signedIn = requireSignedIn(request);
    await logOutEverywhere(accountContext(request), signedIn);
    signOutCookies(reply, config);
    return reply.redirect(`/${(await page(request)).locale}/login?out=1`, 303);
  });
};
