// The library of good practices with its search and filters, a practice's page, and the list of
// the reader's organisations' practices (drafts included).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { actorOf } from '../../../shared/actor.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import { listOrganisationsWithPlaces, getTaxonomy } from '../../directory/index.ts';
import { glossaryTermsIn } from '../../glossary/index.ts';
import { LibraryPage } from '../views/library.page.tsx';
import { MinePage } from '../views/mine.page.tsx';
import { PracticePage } from '../views/practice.page.tsx';
import { practicePageData } from './practice-page-data.ts';
import { practicesLibrary } from './practices-library.ts';
import { practiceReaderOf } from './practices.policy.ts';
import { listOwnPractices } from './practices.repo.ts';
import { practicePageCap } from './search-practices.ts';

const LibraryQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  theme: Type.Optional(Type.String({ maxLength: 100 })),
  obstacle: Type.Optional(Type.String({ maxLength: 64 })),
  lever: Type.Optional(Type.String({ maxLength: 64 })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  commune: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: practicePageCap })),
  done: Type.Optional(Type.String({ maxLength: 20 })),
});
export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
export const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

type Taxonomy = Awaited<ReturnType<typeof getTaxonomy>>;
/** The themes as the pages list them. */
export const themesOf = ({ themes }: Taxonomy) =>
  themes.map((t) => ({
    code: t.code,
    name: t.name,
    children: t.children.map((c) => ({ code: c.code, name: c.name })),
  }));

export const practicesWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  // This process's copies of what every reader sees alike (practices-library.ts).
  const library = practicesLibrary(db);
  const actorOrNull = (request: FastifyRequest) => (request.signedIn ? actorOf(request.signedIn) : null);

  app.get('/practices', { schema: { hide: true, querystring: LibraryQuery } }, async (request, reply) => {
    const ctx = await pageFor(request, deps);
    const { q, theme, obstacle, lever, kind, commune, page = 1, done } = request.query;
    const [taxonomy, items, reader, kinds] = await Promise.all([
      getTaxonomy(db),
      library.sharedItems(),
      practiceReaderOf(db, actorOrNull(request)),
      library.kinds(),
    ]);
    const itemIds = new Set(items.map((i) => i.id));
    const item = (id: string | undefined) =>
      id && isUuid(id) && itemIds.has(id.toLowerCase()) ? id.toLowerCase() : undefined;
    const search = {
      q: q?.trim() || undefined,
      theme: theme && taxonomy.byCode.has(theme) ? theme : undefined,
      obstacle: item(obstacle),
      lever: item(lever),
      // Only a kind offered: one no published practice has (now) filters nothing, as an unknown item.
      kind: kind && (kinds.kinds as readonly string[]).includes(kind) ? kind : undefined,
      commune: commune && /^\d{5}$/.test(commune) ? commune : undefined,
      page,
      perPage: 20,
    };
    const results = await library.search(search);
    return sendHtml(
      reply,
      LibraryPage({
        ctx,
        data: {
          search,
          results,
          themes: themesOf(taxonomy),
          items,
          kinds: kinds.kinds,
          member: reader.organisationIds.length > 0,
          moderator: reader.moderator,
        },
        done: doneNotice(ctx, 'knowledge.practice.done', done)?.text,
      }),
    );
  });

  app.get('/practices/mine', { schema: { hide: true } }, async (request, reply) => {
    const kctx = signedInContext(request, deps);
    const ctx = await pageFor(request, deps);
    const reader = await practiceReaderOf(db, kctx.actor);
    const [rows, orgs] = await Promise.all([
      listOwnPractices(db, reader.organisationIds),
      listOrganisationsWithPlaces(db, reader.organisationIds, []),
    ]);
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    const practices = rows.map((r) => ({ ...r, organisation: names.get(r.organisationId) ?? {} }));
    return sendHtml(reply, MinePage({ ctx, practices }));
  });

  app.get(
    '/practices/:slug',
    { schema: { hide: true, params: SlugParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const [data, taxonomy] = await Promise.all([
        practicePageData(db, library, actorOrNull(request), request.params.slug),
        getTaxonomy(db),
      ]);
      const themeName = (code: string) => pickText(taxonomy.byCode.get(code)?.name, ctx.locale)?.text ?? code;
      // The glossary's words in the texts the page shows, in the reader's language or its fallback.
      const { title, summary, story } = data.practice;
      const shown = [title, summary, story].map((text) => pickText(text, ctx.locale)?.text ?? '');
      return sendHtml(
        reply,
        PracticePage({
          ctx,
          data,
          themeName,
          terms: await glossaryTermsIn(deps.services.glossary, shown, ctx.locale),
          done: doneNotice(ctx, 'knowledge.practice.done', request.query.done)?.text,
        }),
      );
    },
  );
};
