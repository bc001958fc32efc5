// Writing up a practice and changing it (forms that work without JavaScript), publishing and
// unpublishing it, and the moderators' featuring.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { type FormValues } from '../../../shared/form-values.ts';
import { locales } from '../../../shared/i18n-text.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { findAcceptedAnswer } from '../../network/index.ts';
import { PracticeFormPage, type PracticeFormData } from '../views/practice-form.page.tsx';
import { createPractice } from './create-practice.ts';
import { editPractice } from './edit-practice.ts';
import { featurePractice } from './feature-practice.ts';
import { answerDraftValues, practiceInput, practiceValues, refusedValues } from './practice-form.ts';
import { publishPractice } from './publish-practice.ts';
import { practiceFormData, practiceToEdit } from './practice-form-data.web.ts';
import { DoneQuery, SlugParams } from './practices.web.ts';
import { unpublishPractice } from './unpublish-practice.ts';

const line = (maxLength = 2_000) => Type.Optional(Type.String({ maxLength }));
const lines = () => Type.Optional(MultiLineText({ maxLength: 100_000 }));
/** Lists long enough to say "at most 20" of 500 ticked items in words, rather than a bare 400. */
const ticked = () =>
  Type.Optional(
    Type.Union([
      Type.String({ maxLength: 200 }),
      Type.Array(Type.String({ maxLength: 200 }), { maxItems: 1_000 }),
    ]),
  );
/** Texts long enough to say what is too long in words. */
const PracticeBody = Type.Object({
  organisation: line(64),
  ...Object.fromEntries(locales.map((l) => [`title.${l}`, line()])),
  ...Object.fromEntries(locales.flatMap((l) => [`summary.${l}`, `story.${l}`].map((k) => [k, lines()]))),
  obstacles: ticked(),
  levers: ticked(),
  tools: ticked(),
  new_obstacles: lines(),
  new_levers: lines(),
  new_tools: lines(),
  themes: ticked(),
  communes: ticked(),
  organisations: lines(),
  contact_name: line(),
  contact_way: line(),
  links: lines(),
  /** When changing: the version the form was made from. */
  version: Type.Optional(Type.String({ maxLength: 20, pattern: '^[0-9]*$' })),
});

/**
 * The practice forms' body limit (the site's forms have 64 KiB, src/http/session.ts): the texts the
 * form allows, at worst 9 bytes a character once encoded (a 3-byte UTF-8 character as %XX%XX%XX):
 * three stories of 20,000 characters (540,000 bytes), summaries, titles, 60 new items of 120
 * characters, links and the rest (about 110,000 more), with room to spare.
 */
const practiceFormBodyLimit = 1024 * 1024;

const NewQuery = Type.Object({ answer: Type.Optional(Type.String({ maxLength: 64 })) });

export const writePracticeWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  const formData = (userId: string, chosen: FormValues, editing?: PracticeFormData['editing']) =>
    practiceFormData(deps, userId, chosen, editing);
  const toEdit = (request: FastifyRequest, slug: string) => practiceToEdit(request, deps, slug);

  app.get('/practices/new', { schema: { hide: true, querystring: NewQuery } }, async (request, reply) => {
    const kctx = signedInContext(request, deps);
    const ctx = await pageFor(request, deps);
    // Begun from an accepted answer to a question the person may read: the form comes filled in.
    const { answer } = request.query;
    const values = answer
      ? answerDraftValues(await findAcceptedAnswer(db, kctx.actor, answer), kctx.origin, kctx.locale)
      : {};
    return sendHtml(
      reply,
      PracticeFormPage({ ctx, data: await formData(kctx.actor.userId, values), values }),
    );
  });

  app.post(
    '/practices/new',
    { bodyLimit: practiceFormBodyLimit, schema: { hide: true, body: PracticeBody } },
    async (request, reply) => {
      const kctx = signedInContext(request, deps);
      const values = request.body;
      return submitForm(reply, () => createPractice(kctx, practiceInput(values)), {
        redirect: ({ slug }) => `/${kctx.locale}/practices/${encodeURIComponent(slug)}?done=created`,
        refused: async (problems) => {
          const ctx = await pageFor(request, deps);
          const kept = refusedValues(values);
          return PracticeFormPage({
            ctx,
            data: await formData(kctx.actor.userId, kept),
            values: kept,
            problems,
          });
        },
      });
    },
  );

  app.get(
    '/practices/:slug/edit',
    { schema: { hide: true, params: SlugParams, querystring: DoneQuery } },
    async (request, reply) => {
      const { kctx, practice, editing } = await toEdit(request, request.params.slug);
      const ctx = await pageFor(request, deps);
      const values = practiceValues(practice, kctx.origin, kctx.locale);
      return sendHtml(
        reply,
        PracticeFormPage({
          ctx,
          data: await formData(kctx.actor.userId, values, editing),
          values,
          done: doneNotice(ctx, 'knowledge.attachments.done', request.query.done)?.text,
        }),
      );
    },
  );

  app.post(
    '/practices/:slug/edit',
    { bodyLimit: practiceFormBodyLimit, schema: { hide: true, params: SlugParams, body: PracticeBody } },
    async (request, reply) => {
      const kctx = signedInContext(request, deps);
      const values = request.body;
      return submitForm(reply, () => editPractice(kctx, request.params.slug, practiceInput(values)), {
        redirect: ({ slug }) => `/${kctx.locale}/practices/${encodeURIComponent(slug)}?done=edited`,
        refused: async (problems) => {
          const { editing } = await toEdit(request, request.params.slug);
          const ctx = await pageFor(request, deps);
          // Changed meanwhile: what was typed stays, and saving again, knowingly, replaces the change.
          const meanwhile = problems.find((p) => p.code === 'practice_changed_meanwhile');
          const kept = {
            ...refusedValues(values),
            ...(meanwhile ? { version: String(meanwhile.values?.version) } : {}),
          };
          return PracticeFormPage({
            ctx,
            data: await formData(kctx.actor.userId, kept, editing),
            values: kept,
            problems,
          });
        },
      });
    },
  );

  const action = (
    path: string,
    run: (kctx: ReturnType<typeof signedInContext>, slug: string) => Promise<{ slug: string }>,
    done: string,
  ) =>
    app.post(path, { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
      const kctx = signedInContext(request, deps);
      const { slug } = await run(kctx, request.params.slug);
      return reply.redirect(`/${kctx.locale}/practices/${encodeURIComponent(slug)}?done=${done}`, 303);
    });
  action('/practices/:slug/publish', publishPractice, 'published');
  action('/practices/:slug/unpublish', unpublishPractice, 'unpublished');
  action('/practices/:slug/feature', (c, s) => featurePractice(c, s, true), 'featured');
  action('/practices/:slug/unfeature', (c, s) => featurePractice(c, s, false), 'unfeatured');
};
