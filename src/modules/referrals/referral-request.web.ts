// What the referral pages and the referral API share: their dependencies, and the use cases'
// context for one request, acting as a signed-in person or an API token.
import type { FastifyRequest } from 'fastify';
import type { WebDeps } from '../../http/deps.ts';
import { originOf } from '../../http/request-context.ts';
import type { KeyRing } from '../../shared/field-encryption.ts';
import type { ReferralActor, ReferralContext } from './referral-context.ts';

export interface ReferralDeps extends WebDeps {
  keys: KeyRing;
}

export function requestContext(
  request: FastifyRequest,
  deps: ReferralDeps,
  actor: ReferralActor,
): ReferralContext {
  return {
    db: deps.db,
    actor,
    keys: deps.keys,
    origin: originOf(request, deps.config),
    ip: request.ip,
    now: new Date(),
    settings: deps.config.referrals,
    mailQueued: deps.mailQueued,
  };
}
