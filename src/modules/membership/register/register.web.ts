// Registering an organisation, and the list of one's own organisations.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { pageContext } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { AppError } from '../../../shared/errors.ts';
import { requireSignedIn } from '../../../http/signed-in.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { findClaims } from '../membership.repo.ts';
import { registerOrganisation } from './register-organisation.ts';
import { MyOrganisationsPage, RegisterOrganisationPage } from './register.page.tsx';
import { findMembershipsOfUser } from '../../access/index.ts';

const text = Type.Optional(Type.String({ maxLength: 5_000 }));
const RegisterBody = Type.Object({
  'name.nl': text,
  'name.fr': text,
  'name.en': text,
  kind: text,
  kbo_number: text,
  email: text,
  website: text,
});

export const registerWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { config, db } = deps;
  const page = async (request: FastifyRequest) => pageContext(request, config, await deps.demoBanner());

  app.get('/organisations/new', { schema: { hide: true } }, async (request, reply) => {
    requireSignedIn(request);
    return sendHtml(reply, RegisterOrganisationPage({ ctx: await page(request) }));
  });

  app.post('/organisations/new', { schema: { hide: true, body: RegisterBody } }, async (request, reply) => {
    const ctx = await page(request);
    const body = request.body;
    try {
      const id = await registerOrganisation(signedInContext(request, deps), {
        name: { nl: body['name.nl'], fr: body['name.fr'], en: body['name.en'] },
        description: {},
        kind: body.kind ?? '',
        kboNumber: body.kbo_number,
        email: body.email,
        website: body.website,
      });
      return reply.redirect(`/${ctx.locale}/manage/organisations/${id}/members?done=registered`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      const values = Object.fromEntries(
        Object.entries(body).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>;
      // "name" problems point at the Dutch field, the first of the three.
      return sendHtml(reply, RegisterOrganisationPage({ ctx, values, problems: error.fields }), 400);
    }
  });

  app.get('/my/organisations', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await page(request);
    const signedIn = requireSignedIn(request);
    const [memberships, claims] = await Promise.all([
      findMembershipsOfUser(db, signedIn.user.id),
      findClaims(db, { userId: signedIn.user.id, status: 'pending' }),
    ]);
    const organisations = await Promise.all(
      memberships.map(async (m) => ({
        ...(await getOrganisationBrief(db, m.organisationId)),
        roles: m.roles,
      })),
    );
    const pendingClaims = await Promise.all(claims.map((c) => getOrganisationBrief(db, c.organisationId)));
    return sendHtml(reply, MyOrganisationsPage({ ctx, organisations, pendingClaims }));
  });
};
