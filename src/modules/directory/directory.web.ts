// The directory's pages. Each page is a GET of plain HTML; htmx only swaps the results in place.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebDeps } from '../../http/deps.ts';
import { findVouchers } from './trust/trust.repo.ts';
import { type PageContext, pageContext } from '../../http/request-context.ts';
import { visitorPagesOf } from '../../http/visitor-pages.ts';
import { directoryEditionOf } from './directory-edition.ts';
import { sendHtml } from '../../http/send-html.ts';
import { textIn } from '../../shared/i18n-text.ts';
import { glossaryTermsIn } from '../glossary/index.ts';
import { DirectoryPageQuery, IdParams, MapPageQuery } from './directory.schemas.ts';
import {
  getDirectoryCounts,
  getMapPoints,
  getOrganisation,
  getService,
  getTaxonomy,
} from './directory.service.ts';
import { indexListsOf } from './lists/index-lists.ts';
import { listOrganisationsPage } from './lists/lists.service.ts';
import { DirectoryPage, DirectoryResults } from './views/directory-page.tsx';
import { HomePage } from './views/home-page.tsx';
import { MapPage } from './views/map-page.tsx';
import { OrganisationPage } from './views/organisation-page.tsx';
import { figuresEditions, figuresOf } from './organisation-figures.ts';
import { ServicePage } from './views/service-page.tsx';
import { cacheBudget } from '../../shared/cache-budgets.ts';

const perPage = 20;

export const directoryWeb: FastifyPluginAsyncTypebox<WebDeps> = async (
  app,
  { db, config, demoBanner, services },
) => {
  const context = async (request: Parameters<typeof pageContext>[0]) =>
    pageContext(request, config, await demoBanner());

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const [ctx, counts, { themes }] = await Promise.all([
      context(request),
      getDirectoryCounts(db),
      getTaxonomy(db),
    ]);
    return sendHtml(reply, HomePage({ ctx, counts, themes }));
  });

  // Visitors' directory, organisation and service pages are kept while nothing they show changes: the
  // directory's edition (every listing table, vouches, logos), each figure source's edition, and the
  // glossary copy this process holds (the service page's terms). Signed-in readers get their own.
  const visitorPages = visitorPagesOf(db, 'directory', cacheBudget('directoryPages'));

  app.get(
    '/directory',
    { schema: { hide: true, querystring: DirectoryPageQuery } },
    async (request, reply) => {
      const { page: _page, all, ...chosen } = request.query;
      // Organisations that list no service yet are left out unless asked for ("all=1").
      const filters = { ...chosen, withServices: all !== '1' };
      const [ctx, { themes }] = await Promise.all([context(request), getTaxonomy(db)]);
      const lists = indexListsOf(services.search);
      // htmx asks for the results only; a plain request gets the whole page.
      const partial = request.headers['hx-request'] === 'true' && request.headers['hx-target'] === 'results';
      reply.header('vary', 'HX-Request');
      // Kept for visitors while both the list (the index's version) and the rows (the directory's
      // edition, read before them) stay; from PostgreSQL alone (index not ready) it is made each time.
      const versions =
        ctx.user || !lists.ready ? null : [lists.version, await directoryEditionOf(db), partial];
      const make = async (page: PageContext) => {
        // The order and the totals from this process's search index; the page's rows by id.
        const { page: results, withoutServices } = await listOrganisationsPage(
          db,
          lists,
          filters,
          { page: request.query.page, perPage },
          page.locale,
        );
        const query = { ...chosen, all: all === '1', page: request.query.page, withoutServices };
        return partial
          ? DirectoryResults({ ctx: page, query, page: results, themes })
          : DirectoryPage({ ctx: page, query, page: results, themes });
      };
      return sendHtml(reply, versions ? visitorPages.page(ctx, request.url, versions, make) : make(ctx));
    },
  );

  app.get('/organisations/:id', { schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const ctx = await context(request);
    // Read before the rows: a change committed in between shows in a page kept under the old number,
    // and the next request, reading the new one, makes the page again.
    const editions = ctx.user
      ? null
      : await Promise.all([directoryEditionOf(db), figuresEditions(db, services.organisationFigures)]);
    const make = async (page: PageContext) => {
      const org = await getOrganisation(db, request.params.id);
      const [vouchers, figures] = await Promise.all([
        findVouchers(db, org.id),
        figuresOf(db, services.organisationFigures, org.id),
      ]);
      return OrganisationPage({ ctx: page, org, vouchers, figures });
    };
    const kept = editions && editions[1] !== null ? [editions[0], ...editions[1]] : null;
    return sendHtml(reply, kept ? visitorPages.page(ctx, request.url, kept, make) : make(ctx));
  });

  app.get('/services/:id', { schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const ctx = await context(request);
    const glossary = await services.glossary.keptOrNone();
    const edition = ctx.user ? null : await directoryEditionOf(db);
    const make = async (page: PageContext) => {
      const service = await getService(db, request.params.id);
      // The glossary's words in the texts the page shows, in the reader's language (from memory).
      const shown = [
        service.name,
        service.description,
        service.applicationProcess,
        service.feesDescription,
        service.eligibilityDescription,
      ].map((text) => (text ? textIn(text, page.locale) : ''));
      const terms = await glossaryTermsIn(services.glossary, shown, page.locale);
      return ServicePage({ ctx: page, service, terms });
    };
    const versions = [edition, glossary?.snapshot.edition ?? null];
    return sendHtml(
      reply,
      edition === null ? make(ctx) : visitorPages.page(ctx, request.url, versions, make),
    );
  });

  app.get('/map', { schema: { hide: true, querystring: MapPageQuery } }, async (request, reply) => {
    const all = request.query.all === '1';
    const [ctx, points] = await Promise.all([context(request), getMapPoints(db, { withServices: !all })]);
    return sendHtml(reply, MapPage({ ctx, points, all }));
  });
};
