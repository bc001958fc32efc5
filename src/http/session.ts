// Cookies, form bodies, the signed-in person and protection against forged forms, for every page.
// The session cookie holds a random token whose hash is the session's id in PostgreSQL, so any
// app process can serve any request. The API (/api) uses neither cookies nor this protection.
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import type { SessionResolver, SignedIn } from './signed-in.ts';
import {
  clearSessionCookie,
  csrfCookieName,
  csrfCookieOptions,
  sessionCookieName,
  setSessionCookie,
} from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person and their session, or null for a visitor. */
    signedIn: SignedIn | null;
    /** The anti-forgery token for this request's forms (made on first use). */
    csrfToken(): string;
    /** A session cookie came with the request but opened nothing (expired, ended, tampered). */
    sessionEnded: boolean;
    /** An upload form's file names as the browser sent them, by field (null without an upload). */
    uploadNames: Record<string, string> | null;
  }
}

/** What a form's token is bound to: the signed-in person's session, or "visitor" (never a session id). */
const sessionOf = (request: FastifyRequest) => request.signedIn?.sessionId ?? 'visitor';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Files at one address for every language (feeds, the map's outlines, rooms' photos) need no
// session, and must not renew one: a cache may keep them.
const skipsSessions = (url: string) =>
  url.startsWith('/api/') ||
  url.startsWith('/assets/') ||
  url.startsWith('/calendars/') ||
  url.startsWith('/evidence/') ||
  url.startsWith('/room-photos/') ||
  url.startsWith('/logos/') ||
  // A mail program's one-click unsubscribe (RFC 8058): no cookies, no form token; the link is the key.
  url.startsWith('/follows/unsubscribe/one-click') ||
  /^\/rooms\/[^/?]+\/calendar\.ics/.test(url) ||
  // Public feeds, cached by others: a renewed session cookie must never ride along.
  /^\/(agenda\.ics|organisations\/[^/?]+\/events\.ics)/.test(url);

async function sessions(
  app: FastifyInstance,
  { config, csrfKey, resolveSession }: { config: Config; csrfKey: Buffer; resolveSession: SessionResolver },
) {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Uploads (logos, rooms' photos) arrive whole in request.body, fields as strings and the file as a
  // Buffer. The limit here stops abuse: a larger file is cut at it (the rest is read and dropped),
  // and the use case, whose own limits are smaller, answers on its form with the real limit in
  // words, however large the file was.
  // A route may allow a larger file (config.multipartOptions; a practice's PDF attachments). The
  // file's name is kept aside for the routes that keep it.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: 4 * 1024 * 1024, files: 1, fields: 10, parts: 12 },
    async onFile(part) {
      await part.toBuffer();
      this.uploadNames = { ...this.uploadNames, [part.fieldname]: part.filename };
    },
  });
  await app.register(csrf, {
    cookieKey: csrfCookieName(config),
    cookieOpts: csrfCookieOptions(config),
    // A token made for one session is refused in another (and a visitor's after log-in).
    getUserInfo: sessionOf,
    csrfOpts: { hmacKey: csrfKey },
    getToken: (request) =>
      (request.body as Record<string, string> | undefined)?._csrf ??
      request.headers['x-csrf-token']?.toString(),
  });

  app.decorateRequest('signedIn', null);
  app.decorateRequest('sessionEnded', false);
  app.decorateRequest('uploadNames', null);
  app.decorateRequest('csrfToken', function (this: FastifyRequest) {
    throw new Error(`csrfToken() is not available on ${this.url}`);
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    let token: string | undefined;
    request.csrfToken = () => (token ??= reply.generateCsrf({ userInfo: sessionOf(request) }));
    if (skipsSessions(request.url)) return;
    const cookieValue = request.cookies[sessionCookieName(config)];
    if (!cookieValue) return;
    const resolved = await resolveSession(cookieValue);
    request.signedIn = resolved;
    // A cookie that opens nothing (expired, ended elsewhere, tampered) is removed.
    if (!resolved) {
      clearSessionCookie(reply, config);
      request.sessionEnded = true;
    } else if (resolved.renewedUntil) setSessionCookie(reply, config, cookieValue, resolved.renewedUntil);
  });

  // A page for a signed-in person holds their data: no shared cache may keep it.
  app.addHook('onSend', async (request, reply) => {
    if (request.signedIn && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'private, no-store');
  });

  app.addHook('preHandler', (request, reply, done) => {
    if (!unsafeMethods.has(request.method) || skipsSessions(request.url)) return done();
    app.csrfProtection(request, reply, done);
  });
}

export const sessionPlugin = fp(sessions, { name: 'passerelle-sessions' });
