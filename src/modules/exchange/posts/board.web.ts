// The board of offers and requests (a GET form that works without JavaScript) and a post's page
// with its matches.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { visitorPagesOf } from '../../../http/visitor-pages.ts';
import { actorOf } from '../../../shared/actor.ts';
import { commonLanguages, getTaxonomy } from '../../directory/index.ts';
import { BoardPage } from '../views/board.page.tsx';
import { PostPage } from '../views/post.page.tsx';
import { exchangeEditionOf } from '../exchange-edition.ts';
import { postDirections, postKinds } from '../exchange.vocabulary.ts';
import { brusselsDay } from './dates.ts';
import { organisationNames } from './organisation-names.ts';
import { postPageData } from './post-page-data.ts';
import { exchangeReaderOf } from './posts.policy.ts';
import { searchPosts } from './search-posts.ts';
import { unreadCount } from '../threads/conversations-data.ts';

/** The board's pages go this far: beyond, a search or a filter finds sooner. */
const boardPages = 50;

const BoardQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  direction: Type.Optional(Type.String({ maxLength: 20 })),
  kind: Type.Optional(Type.String({ maxLength: 30 })),
  theme: Type.Optional(Type.String({ maxLength: 100 })),
  commune: Type.Optional(Type.String({ maxLength: 10 })),
  language: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: boardPages })),
  done: Type.Optional(Type.String({ maxLength: 20 })),
});
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

type Taxonomy = Awaited<ReturnType<typeof getTaxonomy>>;
/** The themes as the forms list them. */
export const themesOf = ({ themes }: Taxonomy) =>
  themes.map((t) => ({
    code: t.code,
    name: t.name,
    children: t.children.map((c) => ({ code: c.code, name: c.name })),
  }));

/** A filter's value if it is one of the list, else none (an old link, a typed address). */
const known = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  list.includes(value as T) ? (value as T) : undefined;

export const boardWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  // Visitors' pages while no post or call changed (one per language: registered under each).
  const visitorPages = visitorPagesOf(deps.db, 'board');

  app.get('/exchange', { schema: { hide: true, querystring: BoardQuery } }, async (request, reply) => {
    const page = await pageFor(request, deps);
    const { q, theme, commune, page: number = 1, done } = request.query;
    const taxonomy = await getTaxonomy(db);
    const search = {
      q: q?.trim() || undefined,
      direction: known(postDirections, request.query.direction),
      kind: known(postKinds, request.query.kind),
      theme: theme && taxonomy.byCode.has(theme) ? theme : undefined,
      commune: commune && /^\d{5}$/.test(commune) ? commune : undefined,
      language: known(commonLanguages, request.query.language),
      page: number,
      perPage: 20,
    };
    const actor = request.signedIn ? actorOf(request.signedIn) : null;
    const make = async (ctx: typeof page) => {
      const [results, { reader, unread }] = await Promise.all([
        searchPosts(db, search, brusselsDay(new Date())),
        exchangeReaderOf(db, actor).then(async (reader) => ({
          reader,
          unread: actor ? await unreadCount(db, actor, reader) : null,
        })),
      ]);
      const organisations = await organisationNames(
        db,
        results.hits.map((h) => h.organisationId),
      );
      return BoardPage({
        ctx,
        data: {
          search,
          // The last page links to none after it (which would be refused).
          results: { ...results, more: results.more && number < boardPages },
          themes: themesOf(taxonomy),
          organisations,
          writer: reader.organisationIds.length > 0,
          unread,
        },
        done: doneNotice(ctx, 'exchange.done', done)?.text,
      });
    };
    return sendHtml(
      reply,
      page.user || done
        ? make(page)
        : visitorPages.page(page, request.url, [await exchangeEditionOf(db)], make),
    );
  });

  app.get(
    '/exchange/:id',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const actor = request.signedIn ? actorOf(request.signedIn) : null;
      const [data, taxonomy] = await Promise.all([
        postPageData(db, actor, request.params.id, new Date()),
        getTaxonomy(db),
      ]);
      return sendHtml(
        reply,
        PostPage({
          ctx,
          data,
          themes: themesOf(taxonomy),
          done: doneNotice(ctx, 'exchange.done', request.query.done)?.text,
        }),
      );
    },
  );
};
