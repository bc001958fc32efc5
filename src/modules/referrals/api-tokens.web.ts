// An organisation's API tokens: its admins create them (shown once) and revoke them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { submitForm } from '../../http/form-route.ts';
import { pageContext } from '../../http/request-context.ts';
import { sendHtml } from '../../http/send-html.ts';
import { getOrganisationBrief } from '../directory/index.ts';
import { personContext, type ReferralDeps } from './referral-request.web.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './use-cases/api-tokens.ts';
import { ApiTokensPage } from './views/api-tokens-page.tsx';

const id = Type.String({ maxLength: 64 });
const IdParams = Type.Object({ id });
const TokenParams = Type.Object({ id, tokenId: id });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 40 })) });
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const apiTokensWeb: FastifyPluginAsyncTypebox<ReferralDeps> = async (app, deps) => {
  const { config, db } = deps;
  const page = async (request: FastifyRequest) => pageContext(request, config, await deps.demoBanner());
  const context = (request: FastifyRequest) => personContext(request, deps);

  async function tokensPage(
    request: FastifyRequest,
    reply: FastifyReply,
    organisationId: string,
    extra: Pick<Parameters<typeof ApiTokensPage>[0], 'created' | 'notice' | 'problems'> = {},
  ) {
    const ctx = await page(request);
    const tokens = await listApiTokens(context(request), organisationId);
    const organisation = await getOrganisationBrief(db, organisationId);
    // A new token is on this page only: no cache may keep it.
    reply.header('cache-control', 'no-store');
    return ApiTokensPage({ ctx, organisation, tokens, ...extra });
  }

  app.get(
    '/manage/organisations/:id/api-tokens',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = await page(request);
      const notice = request.query.done === 'revoked' ? ctx.t.t('referrals.api_tokens.revoked') : undefined;
      return sendHtml(reply, await tokensPage(request, reply, request.params.id.toLowerCase(), { notice }));
    },
  );

  app.post(
    '/manage/organisations/:id/api-tokens',
    { schema: { hide: true, params: IdParams, body: Type.Object({ name: text(500) }) } },
    async (request, reply) => {
      const organisationId = request.params.id.toLowerCase();
      const name = request.body.name ?? '';
      return submitForm(reply, () => createApiToken(context(request), organisationId, name), {
        done: async ({ token }) =>
          sendHtml(
            reply,
            await tokensPage(request, reply, organisationId, { created: { name: name.trim(), token } }),
          ),
        refused: (problems) => tokensPage(request, reply, organisationId, { problems }),
      });
    },
  );

  app.post(
    '/manage/organisations/:id/api-tokens/:tokenId/revoke',
    { schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      const ctx = await page(request);
      const organisationId = request.params.id.toLowerCase();
      await revokeApiToken(context(request), organisationId, request.params.tokenId.toLowerCase());
      return reply.redirect(
        `/${ctx.locale}/manage/organisations/${organisationId}/api-tokens?done=revoked`,
        303,
      );
    },
  );
};
