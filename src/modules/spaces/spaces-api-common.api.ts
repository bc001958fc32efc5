// What the spaces module's API routes share: their documentation tag, errors and security, the
// shape of a period, and the organisation token that asking for and deciding bookings need
// (Authorization: Bearer psl_…, made by its admins on the API tokens page).
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { documented as apiDocs } from '../../http/api-docs.ts';
import type { WebDeps } from '../../http/deps.ts';
import { contextAs } from '../../http/use-case-context.ts';
import { AppError } from '../../shared/errors.ts';
import { type ApiTokenActor, requireApiToken } from '../access/index.ts';
import { ErrorSchema } from '../directory/index.ts';
import type { PeriodView } from './presenters/page-data.ts';
import type { SpaceContext } from './space-context.ts';

export const documented = apiDocs('spaces');
export const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
};
export const security = [{ apiToken: [] }];

export const Moment = Type.String({ format: 'date-time' });
export const PeriodSchema = Type.Object({ start: Moment, end: Moment });
export const period = (p: PeriodView) => ({ start: p.start.toISOString(), end: p.end.toISOString() });

/** The token check, before the body is read (no valid organisation token: 401), and the context it gives. */
export function tokenAuth(deps: WebDeps) {
  const actors = new WeakMap<FastifyRequest, ApiTokenActor>();
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    reply.header('cache-control', 'no-store');
    actors.set(request, await requireApiToken(deps.db, request.headers.authorization, new Date()));
  }
  const tokenContext = (request: FastifyRequest): SpaceContext => {
    const actor = actors.get(request);
    if (!actor) throw new AppError('API_TOKEN_INVALID');
    return contextAs(request, deps, actor);
  };
  return { authenticate, tokenContext };
}
