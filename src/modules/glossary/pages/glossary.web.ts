// The glossary's public pages: the list with its search and pages, and a concept's page. GET only,
// for everyone, without JavaScript.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { conceptPageData } from './concept-page-data.ts';
import { listConcepts } from './list-concepts.ts';
import { ConceptPage } from './views/concept.page.tsx';
import { GlossaryPage } from './views/glossary.page.tsx';

/** Concepts per page of the list. */
export const conceptsPerPage = 50;
/** The longest search the box takes (a word is at most 120): a longer one is refused in words, not cut. */
export const searchMaxLength = 120;

const ListQuery = Type.Object({
  // Up to 1,000 to say on the page what is too long; beyond, the address itself is refused.
  q: Type.Optional(Type.String({ maxLength: 1_000 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000 })),
});
const ConceptParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const ConceptQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

export const glossaryWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  app.get('/glossary', { schema: { hide: true, querystring: ListQuery } }, async (request, reply) => {
    const ctx = await pageFor(request, deps);
    const q = request.query.q?.trim() || undefined;
    if (q && q.length > searchMaxLength)
      return sendHtml(reply, GlossaryPage({ ctx, q: q.slice(0, searchMaxLength), tooLong: true }), 400);
    const list = listConcepts(await deps.services.glossary.kept(), ctx.locale, {
      q,
      page: request.query.page ?? 1,
      perPage: conceptsPerPage,
    });
    return sendHtml(reply, GlossaryPage({ ctx, q, list }));
  });

  app.get(
    '/glossary/:slug',
    { schema: { hide: true, params: ConceptParams, querystring: ConceptQuery } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const themeNames = await deps.services.glossaryThemeNames(db);
      const data = await conceptPageData(db, request.params.slug, ctx.locale, themeNames);
      const done = doneNotice(ctx, 'glossary.done', request.query.done)?.text;
      return sendHtml(reply, ConceptPage({ ctx, data, done }));
    },
  );
};
