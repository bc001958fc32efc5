// The signed-in person of a request, as every module sees it. The accounts module resolves the
// session (app.ts hands its resolver to http/session.ts); the kernel only knows this shape.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  emailVerifiedAt: Date | null;
  platformRole: 'member' | 'moderator' | 'analyst' | 'admin';
}

export interface SignedIn {
  user: SignedInUser;
  /** The session's id (the hash of its token). */
  sessionId: string;
  /** Set when this request extended the session: the cookie should say so too. */
  renewedUntil?: Date;
}

/** Looks up the session behind a cookie's value: the person, or null when it opens nothing. */
export type SessionResolver = (token: string) => Promise<SignedIn | null>;

export function requireSignedIn(request: FastifyRequest): SignedIn {
  if (!request.signedIn) throw new AppError('UNAUTHENTICATED');
  return request.signedIn;
}
