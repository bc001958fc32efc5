// The organisation or service a listing page edits, once the person asking is known to be one of
// its editors: every editing page starts here.
import type { FastifyRequest } from 'fastify';
import type { WebDeps } from '../../../http/deps.ts';
import { pageFor } from '../../../http/request-context.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { getOrganisation, getService } from '../directory.service.ts';
import { requireListingEditor } from './change-listing.ts';

type WithId = FastifyRequest & { params: { id: string } };

export async function organisationToEdit(request: WithId, deps: WebDeps) {
  const org = await getOrganisation(deps.db, request.params.id);
  await requireListingEditor(signedInContext(request, deps), org.id);
  return org;
}

export async function serviceToEdit(request: WithId, deps: WebDeps) {
  const service = await getService(deps.db, request.params.id);
  await requireListingEditor(signedInContext(request, deps), service.organisationId);
  return service;
}

/** An editing page's form: what it edits, the page context, and whether it was just saved (`?done=saved`). */
export async function pageToEdit<T>(
  request: WithId & { query: { done?: string } },
  deps: WebDeps,
  toEdit: (request: WithId, deps: WebDeps) => Promise<T>,
) {
  const record = await toEdit(request, deps);
  return { record, ctx: await pageFor(request, deps), saved: request.query.done === 'saved' };
}
