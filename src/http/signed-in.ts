// The signed-in person of a request. The accounts module resolves the session (app.ts hands its
// resolver to http/session.ts); the kernel only knows its shape (shared/signed-in.ts).
import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';
import type { SignedIn } from '../shared/signed-in.ts';

export type { SignedIn, SignedInUser } from '../shared/signed-in.ts';

/** Looks up the session behind a cookie's value: the person, or null when it opens nothing. */
export type SessionResolver = (token: string) => Promise<SignedIn | null>;

export function requireSignedIn(request: FastifyRequest): SignedIn {
  if (!request.signedIn) throw new AppError('UNAUTHENTICATED');
  return request.signedIn;
}
