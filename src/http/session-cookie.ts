// The session cookie: set at log-in, renewed as the session slides, removed at log-out.
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
