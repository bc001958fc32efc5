// The referral use cases' context for one request, acting as a signed-in person or an API token.
import type { FastifyRequest } from 'fastify';
import type { WebDeps } from '../../http/deps.ts';
import { requireSignedIn, type SignedInUser } from '../../http/signed-in.ts';
import { contextAs } from '../../http/use-case-context.ts';
import type { ReferralActor, ReferralContext } from './referral-context.ts';

/** What the referral pages and API receive: the kernel's dependencies (the key ring among them). */
export type ReferralDeps = WebDeps;

export function requestContext(
  request: FastifyRequest,
  deps: WebDeps,
  actor: ReferralActor,
): ReferralContext {
  return { ...contextAs(request, deps, actor), keys: deps.keys, settings: deps.config.referrals };
}

/** A signed-in person as the referral use cases know them. */
export function personActor(user: SignedInUser): ReferralActor & { kind: 'person' } {
  return { kind: 'person', userId: user.id, email: user.email, emailVerified: user.emailVerifiedAt !== null };
}

/** For the pages: the signed-in person (a visitor is sent to the log-in page). */
export function personContext(request: FastifyRequest, deps: WebDeps): ReferralContext {
  return requestContext(request, deps, personActor(requireSignedIn(request).user));
}
