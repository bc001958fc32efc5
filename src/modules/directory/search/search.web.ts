// The search page: a plain GET form that htmx refreshes as the person types.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebDeps } from '../../../http/deps.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import { pageContext } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { SearchQuery } from './search.schemas.ts';
import { getTaxonomy } from '../directory.service.ts';
import { SearchLayout, SearchPage } from '../views/search-page.tsx';
import { RelatedBoxes } from '../views/search-related.tsx';
import type { RelatedResults } from '../../search/index.ts';
import { bestOfType } from './best-of-type.ts';
import { searchDirectory } from './search.service.ts';
import { cacheBudget } from '../../../shared/cache-budgets.ts';
import { KeptLayouts } from './kept-layouts.ts';

/** Per index (one per app): this plugin is registered once per language prefix, the cache once. */
const layoutsOf = new WeakMap<object, KeptLayouts>();

export const searchWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  /**
   * Filters and results as HTML, by outcome (kept-layouts.ts). Measured at 50k services, rendering
   * was two thirds of the page's time.
   */
  let layouts = layoutsOf.get(deps.services.search);
  if (!layouts) layoutsOf.set(deps.services.search, (layouts = new KeptLayouts(cacheBudget('searchPages'))));

  /**
   * What other modules show next to the results (questions to the network), for searches with
   * words only; one that fails leaves its box out rather than the page. For a visitor, a source
   * whose public items are in the index gets the index's best matches of its type (best-of-type.ts,
   * kept per index version) rather than searching PostgreSQL on every page. That search waits for
   * `results`, the page's own: the index keeps the words' matches per text, so a search not asked
   * before has its words matched once, not twice at the same time.
   */
  async function relatedResults(
    q: string | undefined,
    locale: Locale,
    user: { id: string; platformRole: string } | undefined,
    results: Promise<unknown>,
  ): Promise<RelatedResults[]> {
    const words = q?.trim();
    if (!words) return [];
    const viewer = user ? { userId: user.id, platformRole: user.platformRole } : null;
    const limit = 3;
    const boxes = await Promise.all(
      deps.services.relatedResults.map(async (source) => {
        try {
          const type = viewer ? undefined : source.indexedAs;
          const found = type
            ? await results.then(() => bestOfType(deps.services.search, words, type, limit))
            : undefined;
          return await source.find(deps.db, { q: words, locale, viewer, limit, found });
        } catch (error) {
          app.log.error({ err: error, source: source.name }, 'related results');
          return null;
        }
      }),
    );
    return boxes.filter((box): box is RelatedResults => box !== null);
  }

  app.get('/search', { schema: { hide: true, querystring: SearchQuery } }, async (request, reply) => {
    const ctx = pageContext(request, deps.config, await deps.demoBanner());
    const params = { ...request.query, per_page: Math.min(request.query.per_page, 50) };
    // An unknown "near" is said on the page, which keeps the words and filters (not a 400).
    const results = searchDirectory(deps.services.search, params, ctx.locale, undefined, {
      unknownPlace: 'report',
    });
    const [outcome, { themes }, related] = await Promise.all([
      results,
      getTaxonomy(deps.db),
      relatedResults(
        request.query.q,
        ctx.locale,
        request.signedIn?.user,
        results.catch(() => {}),
      ),
    ]);
    const layout = await layouts.layoutOf(outcome, themes, () =>
      SearchLayout({ ctx, params, outcome, themes }),
    );
    reply.header('vary', 'HX-Request');
    if (request.headers['hx-request'] === 'true' && request.headers['hx-target'] === 'search-layout') {
      return sendHtml(reply, layout + (await RelatedBoxes({ boxes: related, outOfBand: true })));
    }
    return sendHtml(reply, SearchPage({ ctx, params, layout, related }));
  });
};
