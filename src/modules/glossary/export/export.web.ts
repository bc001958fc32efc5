// The glossary's exports, at the site's root (not under a language): SKOS in Turtle and JSON-LD, and
// CSV. Each is made once per glossary edition and origin (the store's exact edition: one small query
// a request), the Turtle without holding the process (skosTurtleGradually), and sent with an ETag of
// that edition, so a client that has it gets a 304. The scheme's and the concepts' URIs in them
// (<origin>/glossary, <origin>/glossary/concepts/<slug>) lead to the pages in the reader's language.
// GET only, for everyone.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { localeOf, originOf } from '../../../http/request-context.ts';
import { translator } from '../../../i18n/index.ts';
import { locales } from '../../../shared/i18n-text.ts';
import type { GlossarySnapshot } from '../snapshot/glossary-snapshot.ts';
import { glossaryCsv } from './glossary-csv.ts';
import { type SkosOptions, skosJsonLd, skosTurtleGradually } from './skos.ts';

interface ExportFormat {
  file: string;
  type: string;
  disposition: 'inline' | 'attachment';
  make(snapshot: GlossarySnapshot, options: SkosOptions): string | Promise<string>;
}

export const glossaryExports = {
  turtle: {
    file: 'skos.ttl',
    type: 'text/turtle; charset=utf-8',
    disposition: 'inline',
    // Made a few concepts at a time: 3,000 concepts at once held the process for up to 1.6 s.
    make: (snapshot, options) => skosTurtleGradually(snapshot, options),
  },
  jsonld: {
    file: 'skos.jsonld',
    type: 'application/ld+json; charset=utf-8',
    disposition: 'inline',
    make: skosJsonLd,
  },
  csv: {
    file: 'glossary.csv',
    type: 'text/csv; charset=utf-8; header=present',
    disposition: 'attachment',
    make: (snapshot, { origin }) => glossaryCsv(snapshot, origin),
  },
} satisfies Record<string, ExportFormat>;

const schemeTitle = Object.fromEntries(
  locales.map((l) => [l, translator(l).t('glossary.export.scheme_title')]),
) as SkosOptions['title'];

const etagOf = (edition: string, origin: string, file: string) =>
  `"${createHash('sha256').update(`${edition} ${origin} ${file}`).digest('base64url').slice(0, 27)}"`;

export const glossaryExportsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const send = async (request: FastifyRequest, reply: FastifyReply, format: ExportFormat) => {
    const origin = originOf(request, deps.config);
    const glossary = await deps.services.glossary.exact();
    const etag = etagOf(glossary.snapshot.edition, origin, format.file);
    reply
      .header('etag', etag)
      .header('cache-control', 'public, max-age=300')
      .header('content-disposition', `${format.disposition}; filename="${format.file}"`)
      .type(format.type);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    // Requests that come while it is being made wait for the same one (derived keeps the promise).
    return reply.send(
      await glossary.derived(`${format.file} ${origin}`, (s) =>
        format.make(s, { origin, title: schemeTitle }),
      ),
    );
  };

  for (const format of Object.values(glossaryExports))
    app.get(`/glossary/${format.file}`, { schema: { hide: true } }, (request, reply) =>
      send(request, reply, format),
    );

  // The URIs of the exports lead to the pages, in the language the reader's browser asks for.
  app.get('/glossary', { schema: { hide: true } }, async (request, reply) => {
    reply.header('vary', 'Accept-Language');
    return reply.redirect(`/${localeOf(request)}/glossary`, 303);
  });
  app.get(
    '/glossary/concepts/:slug',
    { schema: { hide: true, params: Type.Object({ slug: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      reply.header('vary', 'Accept-Language');
      return reply.redirect(`/${localeOf(request)}/glossary/${encodeURIComponent(request.params.slug)}`, 303);
    },
  );
};
