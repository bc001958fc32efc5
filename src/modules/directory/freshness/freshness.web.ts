// The page behind the "still correct?" link of a freshness reminder. Opening the link changes
// nothing (mail scanners open links); the button does.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { pageContext } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { AppError } from '../../../shared/errors.ts';
import { getOrganisationBrief } from '../directory.service.ts';
import { confirmListing, findConfirmation } from './freshness.repo.ts';
import { ConfirmListingPage } from './confirm-listing.page.tsx';

const Token = Type.Object({ token: Type.Optional(Type.String({ maxLength: 100 })) });

export const freshnessWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.get('/confirm-listing', { schema: { hide: true, querystring: Token } }, async (request, reply) => {
    const found = await findConfirmation(deps.db, request.query.token, new Date());
    if (!found) throw new AppError('TOKEN_INVALID');
    const org = await getOrganisationBrief(deps.db, found.organisationId);
    const ctx = pageContext(request, deps.config, await deps.demoBanner());
    return sendHtml(reply, ConfirmListingPage({ ctx, organisation: org, token: request.query.token! }));
  });

  app.post('/confirm-listing', { schema: { hide: true, body: Token } }, async (request, reply) => {
    const { organisationId } = await confirmListing(deps.db, request.body.token, new Date());
    const org = await getOrganisationBrief(deps.db, organisationId);
    const ctx = pageContext(request, deps.config, await deps.demoBanner());
    return sendHtml(reply, ConfirmListingPage({ ctx, organisation: org, confirmed: true }));
  });
};
