// The session cookie: set at log-in, renewed as the session slides, removed at log-out; and the
// anti-forgery secret, renewed at log-in and log-out.
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.ts';

export function sessionCookieName(config: Pick<Config, 'env'>): string {
  // "__Host-" makes browsers refuse the cookie unless it is Secure, host-only and for "/".
  return config.env === 'production' ? '__Host-passerelle' : 'passerelle_session';
}

export function setSessionCookie(
  reply: FastifyReply,
  config: Pick<Config, 'env'>,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    // Lax, not Strict: a link from an e-mail or another site must arrive signed in.
    sameSite: 'lax',
    secure: config.env === 'production',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'env'>): void {
  // The same attributes as when it was set: browsers ignore a __Host- cookie cleared without Secure.
  reply.clearCookie(sessionCookieName(config), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.env === 'production',
  });
}

export const csrfCookieName = (config: Pick<Config, 'env'>) =>
  config.env === 'production' ? '__Host-passerelle-csrf' : 'passerelle_csrf';

export const csrfCookieOptions = (config: Pick<Config, 'env'>) =>
  ({ path: '/', sameSite: 'lax', httpOnly: true, secure: config.env === 'production' }) as const;

/**
 * A new anti-forgery secret: a form token seen before (in someone else's hands, or from before the
 * log-in) opens nothing afterwards. Tokens are also bound to the session (session.ts).
 */
function renewCsrfSecret(reply: FastifyReply, config: Pick<Config, 'env'>): void {
  reply.setCookie(csrfCookieName(config), randomBytes(18).toString('base64url'), csrfCookieOptions(config));
}

export const deviceCookieName = (config: Pick<Config, 'env'>) =>
  config.env === 'production' ? '__Host-passerelle-device' : 'passerelle_device';

/**
 * After a log-in: the session's cookie, a fresh anti-forgery secret, and the cookie that marks this
 * browser as one the person logs in from (accounts/login-devices.ts), for a year.
 */
export function signInCookies(
  reply: FastifyReply,
  config: Pick<Config, 'env'>,
  signedIn: { token: string; expiresAt: Date; deviceToken: string },
): void {
  setSessionCookie(reply, config, signedIn.token, signedIn.expiresAt);
  renewCsrfSecret(reply, config);
  reply.setCookie(deviceCookieName(config), signedIn.deviceToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.env === 'production',
    maxAge: 365 * 24 * 60 * 60,
  });
}

/** After a log-out (or a password reset, which ends every session): no session, a fresh secret. */
export function signOutCookies(reply: FastifyReply, config: Pick<Config, 'env'>): void {
  clearSessionCookie(reply, config);
  renewCsrfSecret(reply, config);
}
