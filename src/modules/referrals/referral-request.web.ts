// The referral use cases' context for one request, acting as a signed-in person or an API token.
import type { FastifyRequest } from 'fastify';
import type { WebDeps } from '../../http/deps.ts';
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
