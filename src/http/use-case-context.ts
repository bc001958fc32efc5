// The use-case context of a request: one function, so every module's handlers build it alike.
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../shared/actor.ts';
import type { Actor } from '../shared/actor.ts';
import type { UseCaseContext } from '../shared/use-case.ts';
import type { WebDeps } from './deps.ts';
import { localeOf, originOf } from './request-context.ts';
import { requireSignedIn } from './signed-in.ts';

/** For a request whose actor the module knows some other way (a visitor, an API token). */
export function contextAs<A>(request: FastifyRequest, deps: WebDeps, actor: A): UseCaseContext<A> {
  return {
    db: deps.db,
    actor,
    now: new Date(),
    origin: originOf(request, deps.config),
    locale: localeOf(request),
    ip: request.ip,
    mailQueued: deps.mailQueued,
  };
}

/** For a signed-in person (a visitor is sent to the log-in page). */
export function signedInContext(request: FastifyRequest, deps: WebDeps): UseCaseContext<Actor> {
  return contextAs(request, deps, actorOf(requireSignedIn(request)));
}
