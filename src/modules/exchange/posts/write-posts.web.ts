// Posting an offer or a request and changing it (forms that work without JavaScript), marking it
// fulfilled and closing it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import type { FormValues } from '../../../shared/form-values.ts';
import { locales, textIn } from '../../../shared/i18n-text.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { getTaxonomy } from '../../directory/index.ts';
import { PostFormPage } from '../views/post-form.page.tsx';
import { postLimits } from '../exchange.vocabulary.ts';
import { themesOf } from './board.web.ts';
import { closePost } from './close-post.ts';
import { createPost } from './create-post.ts';
import { addDays, brusselsDay } from './dates.ts';
import { editPost } from './edit-post.ts';
import { fulfilPost } from './fulfil-post.ts';
import type { PostFormData } from './page-data.ts';
import { organisationNames } from './organisation-names.ts';
import { postInput, postValues, refusedValues } from './post-form.ts';
import { exchangeReaderOf, requireOwnerMember } from './posts.policy.ts';
import { findPost } from './posts.repo.ts';

const line = (maxLength = 1_000) => Type.Optional(Type.String({ maxLength }));
/** Lists long enough to say "unknown" of many ticked items in words, rather than a bare 400. */
const ticked = () =>
  Type.Optional(
    Type.Union([
      Type.String({ maxLength: 200 }),
      Type.Array(Type.String({ maxLength: 200 }), { maxItems: 500 }),
    ]),
  );
/** Texts long enough to say what is too long in words. */
const PostBody = Type.Object({
  organisation: line(64),
  direction: line(20),
  kind: line(30),
  ...Object.fromEntries(locales.map((l) => [`title.${l}`, line()])),
  ...Object.fromEntries(
    locales.map((l) => [`body.${l}`, Type.Optional(MultiLineText({ maxLength: 12_000 }))]),
  ),
  languages: ticked(),
  themes: ticked(),
  communes: ticked(),
  all_brussels: line(1),
  until: line(20),
  informal: line(3),
  /** When changing: the version the form was made from. */
  version: Type.Optional(Type.String({ maxLength: 10, pattern: '^[0-9]*$' })),
});

export const writePostsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  async function formData(actor: Actor, editing?: PostFormData['editing']): Promise<PostFormData> {
    const reader = await exchangeReaderOf(db, actor);
    const [names, taxonomy] = await Promise.all([
      organisationNames(db, reader.organisationIds),
      getTaxonomy(db),
    ]);
    const today = brusselsDay(new Date());
    return {
      organisations: [...names].map(([id, name]) => ({ id, name })),
      themes: themesOf(taxonomy),
      today,
      latest: addDays(today, postLimits.untilDays),
      editing,
    };
  }

  /** The post to change, as the form shows it; only for its organisation's members, while open. */
  async function toEdit(request: FastifyRequest, id: string) {
    const ectx = signedInContext(request, deps);
    const [post, reader] = await Promise.all([findPost(db, id), exchangeReaderOf(db, ectx.actor)]);
    if (!post) throw new AppError('EXCHANGE_POST_NOT_FOUND');
    requireOwnerMember(ectx.actor, reader, post, brusselsDay(ectx.now));
    return { ectx, post, editing: { id: post.id, title: textIn(post.title, ectx.locale) } };
  }

  app.get('/exchange/new', { schema: { hide: true } }, async (request, reply) => {
    const ectx = signedInContext(request, deps);
    const ctx = await pageFor(request, deps);
    const values: FormValues = { direction: 'request', informal: 'yes' };
    return sendHtml(reply, PostFormPage({ ctx, data: await formData(ectx.actor), values }));
  });

  app.post('/exchange/new', { schema: { hide: true, body: PostBody } }, async (request, reply) => {
    const ectx = signedInContext(request, deps);
    const values = request.body as FormValues;
    return submitForm(reply, () => createPost(ectx, postInput(values)), {
      redirect: ({ id }) => `/${ectx.locale}/exchange/${id}?done=posted`,
      refused: async (problems) => {
        const ctx = await pageFor(request, deps);
        const kept = refusedValues(values);
        return PostFormPage({ ctx, data: await formData(ectx.actor), values: kept, problems });
      },
    });
  });

  app.get('/exchange/:id/edit', { schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { ectx, post, editing } = await toEdit(request, request.params.id);
    const ctx = await pageFor(request, deps);
    return sendHtml(
      reply,
      PostFormPage({ ctx, data: await formData(ectx.actor, editing), values: postValues(post) }),
    );
  });

  app.post(
    '/exchange/:id/edit',
    { schema: { hide: true, params: IdParams, body: PostBody } },
    async (request, reply) => {
      const ectx = signedInContext(request, deps);
      const values = request.body as FormValues;
      return submitForm(reply, () => editPost(ectx, request.params.id, postInput(values)), {
        redirect: ({ id }) => `/${ectx.locale}/exchange/${id}?done=edited`,
        refused: async (problems) => {
          const { post, editing } = await toEdit(request, request.params.id);
          const ctx = await pageFor(request, deps);
          // Changed meanwhile: what was typed stays, and saving again, knowingly, replaces the change.
          const meanwhile = problems.some((p) => p.code === 'exchange_changed_meanwhile');
          const kept = {
            ...refusedValues(values),
            direction: post.direction,
            ...(meanwhile ? { version: String(post.version) } : {}),
          };
          return PostFormPage({
            ctx,
            data: await formData(ectx.actor, editing),
            values: kept,
            problems,
          });
        },
      });
    },
  );

  const action = (path: string, run: typeof fulfilPost, done: string) =>
    app.post(path, { schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const ectx = signedInContext(request, deps);
      const { id } = await run(ectx, request.params.id);
      return reply.redirect(`/${ectx.locale}/exchange/${id}?done=${done}`, 303);
    });
  action('/exchange/:id/fulfil', fulfilPost, 'fulfilled');
  action('/exchange/:id/close', closePost, 'closed');
};
