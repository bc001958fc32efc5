// Moderators add and change the glossary's concepts: a form filled with what is there, then the
// concept's page. Others are refused (403); a visitor is asked to sign in.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type, { type Static } from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { AppError } from '../../../shared/errors.ts';
import type { FormValues } from '../../../shared/form-values.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { isModerator } from '../../access/index.ts';
import type { ConceptEdit } from '../concepts/concept-input.ts';
import { createConcept } from '../concepts/create-concept.ts';
import { editConcept } from '../concepts/edit-concept.ts';
import { glossaryLanguages } from '../glossary.vocabulary.ts';
import { conceptFormValues } from './concept-form-values.ts';
import { conceptPageData } from './concept-page-data.ts';
import { ConceptFormPage } from './views/concept-form.page.tsx';

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
/** Lists one per line, and definitions, hold line breaks. */
const lines = (maxLength: number) => Type.Optional(MultiLineText({ maxLength }));
/** Per language its words and definition ("preferred.nl", "synonyms.nl", ...), then the links and a note. */
const ConceptBody = Type.Object({
  ...Object.fromEntries(
    glossaryLanguages.flatMap((l) => [
      [`preferred.${l}`, text(1_000)],
      [`synonyms.${l}`, lines(10_000)],
      [`abbreviations.${l}`, lines(2_000)],
      [`definitions.${l}`, lines(10_000)],
    ]),
  ),
  broader: lines(2_000),
  related: lines(4_000),
  note: text(1_000),
  version: Type.Optional(Type.String({ maxLength: 12, pattern: '^[0-9]*$' })),
});
type ConceptBody = Record<string, string | undefined> & Static<typeof ConceptBody>;
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });

const perLanguage = (body: ConceptBody, field: string) =>
  Object.fromEntries(glossaryLanguages.map((l) => [l, body[`${field}.${l}`] ?? '']));
const slugs = (typed: string | undefined) => (typed ?? '').split(/\r?\n/).filter((s) => s.trim());

function conceptEdit(body: ConceptBody): ConceptEdit {
  return {
    preferred: perLanguage(body, 'preferred'),
    synonyms: perLanguage(body, 'synonyms'),
    abbreviations: perLanguage(body, 'abbreviations'),
    definitions: perLanguage(body, 'definitions'),
    broader: slugs(body.broader),
    related: slugs(body.related),
    note: body.note ?? '',
    version: body.version ? Number(body.version) : undefined,
  };
}

export const editConceptWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  /** The signed-in moderator's context; anyone else is refused before a form is shown. */
  const moderatorContext = (request: Parameters<typeof signedInContext>[0]) => {
    const ctx = signedInContext(request, deps);
    if (!isModerator(ctx.actor)) throw new AppError('FORBIDDEN');
    return ctx;
  };
  const current = async (slug: string, locale: Parameters<typeof conceptPageData>[2]) => {
    const data = await conceptPageData(db, slug, locale, new Map());
    return { slug: data.slug, title: data.title.text };
  };

  app.get('/glossary/new', { schema: { hide: true } }, async (request, reply) => {
    moderatorContext(request);
    const ctx = await pageFor(request, deps);
    return sendHtml(reply, ConceptFormPage({ ctx, editing: null, values: {} }));
  });

  app.post('/glossary/new', { schema: { hide: true, body: ConceptBody } }, async (request, reply) => {
    const uctx = moderatorContext(request);
    const body = request.body as ConceptBody;
    return submitForm(reply, () => createConcept(uctx, conceptEdit(body)), {
      redirect: ({ slug }) => `/${uctx.locale}/glossary/${slug}?done=added`,
      refused: async (problems) =>
        ConceptFormPage({
          ctx: await pageFor(request, deps),
          editing: null,
          values: body as FormValues,
          problems,
        }),
    });
  });

  app.get('/glossary/:slug/edit', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
    moderatorContext(request);
    const ctx = await pageFor(request, deps);
    const editing = await current(request.params.slug, ctx.locale);
    const values = await conceptFormValues(db, editing.slug);
    return sendHtml(reply, ConceptFormPage({ ctx, editing, values }));
  });

  app.post(
    '/glossary/:slug/edit',
    { schema: { hide: true, params: SlugParams, body: ConceptBody } },
    async (request, reply) => {
      const uctx = moderatorContext(request);
      const body = request.body as ConceptBody;
      return submitForm(reply, () => editConcept(uctx, request.params.slug, conceptEdit(body)), {
        redirect: ({ slug }) => `/${uctx.locale}/glossary/${slug}?done=changed`,
        refused: async (problems) => {
          const ctx = await pageFor(request, deps);
          const editing = await current(request.params.slug, ctx.locale);
          // Changed meanwhile: what was typed stays, and saving again, knowingly, replaces the change.
          const meanwhile = problems.find((p) => p.code === 'glossary_changed_meanwhile');
          const values = meanwhile ? { ...body, version: String(meanwhile.values?.version) } : body;
          return ConceptFormPage({ ctx, editing, values: values as FormValues, problems });
        },
      });
    },
  );
};
