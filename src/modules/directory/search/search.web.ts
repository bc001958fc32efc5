// The search page: a plain GET form that htmx refreshes as the person types.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { pageContext } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { SearchQuery } from '../directory.schemas.ts';
import { getTaxonomy } from '../directory.service.ts';
import { SearchLayout, SearchPage } from '../views/search-page.tsx';
import type { LiveSearchIndex } from './search-sync.ts';
import { searchDirectory } from './search.service.ts';

export const searchWeb: FastifyPluginAsyncTypebox<WebDeps & { search: LiveSearchIndex }> = async (
  app,
  deps,
) => {
  app.get('/search', { schema: { hide: true, querystring: SearchQuery } }, async (request, reply) => {
    const ctx = pageContext(request, deps.config, await deps.demoBanner());
    const params = { ...request.query, per_page: Math.min(request.query.per_page, 50) };
    const [outcome, { themes }] = await Promise.all([
      searchDirectory(deps.search, params, ctx.locale),
      getTaxonomy(deps.db),
    ]);
    reply.header('vary', 'HX-Request');
    if (request.headers['hx-request'] === 'true' && request.headers['hx-target'] === 'search-layout') {
      return sendHtml(reply, SearchLayout({ ctx, params, outcome, themes }));
    }
    return sendHtml(reply, SearchPage({ ctx, params, outcome, themes }));
  });
};
