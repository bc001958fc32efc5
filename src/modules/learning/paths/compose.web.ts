// The composers' pages: their paths, a new path, a path's own page (its details, its state, its
// cards) with publishing and taking back, and the counts of the choices made.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Database } from '../../../db/client.ts';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { actorOf } from '../../../shared/actor.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import { one } from '../../../shared/form-values.ts';
import { locales } from '../../../shared/i18n-text.ts';
import { requireSignedIn } from '../../../http/signed-in.ts';
import { getOrganisationBrief } from '../../directory/index.ts';
import { countsOf } from '../learner/progress.repo.ts';
import { composerOf, mayCompose, mayReadCounts, requireComposerOf } from '../learning.policy.ts';
import { ComposeListPage } from '../views/compose-list.page.tsx';
import { CountsPage } from '../views/counts.page.tsx';
import { PathEditorPage } from '../views/path-editor.page.tsx';
import { PathFormPage } from '../views/path-form.page.tsx';
import { createPath } from './create-path.ts';
import { editPath } from './edit-path.ts';
import { findPathById, listComposedPaths } from './paths.repo.ts';
import { publishPath } from './publish-path.ts';
import { unpublishPath } from './unpublish-path.ts';

const text = () => Type.Optional(Type.String({ maxLength: 2_000 }));
export const DetailsBody = Type.Object({
  version: Type.Optional(Type.String({ maxLength: 12 })),
  slug: Type.Optional(Type.String({ maxLength: 200 })),
  organisation: Type.Optional(Type.String({ maxLength: 64 })),
  ...Object.fromEntries(
    locales.flatMap((l) => [
      [`title.${l}`, text()],
      [`summary.${l}`, text()],
    ]),
  ),
});
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

type Body = Record<string, string | undefined>;
const detailsOf = (b: Body) => ({
  slug: b.slug ?? '',
  title: Object.fromEntries(locales.map((l) => [l, b[`title.${l}`] ?? ''])),
  summary: Object.fromEntries(locales.map((l) => [l, b[`summary.${l}`] ?? ''])),
});

/** The version a form was made from; a form without one is from no version (CONFLICT). */
export const versionOf = (value: string | undefined) => (/^\d{1,9}$/.test(value ?? '') ? Number(value) : -1);

async function organisationsOf(db: Database, ids: string[]) {
  return Promise.all(ids.map(async (id) => ({ id, name: (await getOrganisationBrief(db, id)).name })));
}

export const composeWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  /** The path, for someone who composes it. */
  async function composedPath(request: FastifyRequest, id: string) {
    const actor = actorOf(requireSignedIn(request));
    const path = await findPathById(db, id);
    if (!path) throw new AppError('LEARNING_PATH_NOT_FOUND');
    await requireComposerOf(db, actor, path);
    return { path, actor };
  }

  async function editorPage(
    request: FastifyRequest,
    id: string,
    more: { problems?: FieldProblem[]; values?: Body; done?: string } = {},
  ) {
    const ctx = await pageFor(request, deps);
    const { path, actor } = await composedPath(request, id);
    return PathEditorPage({ ctx, path, ...more, mayReadCounts: await mayReadCounts(db, actor, path) });
  }

  app.get('/paths', { schema: { hide: true, querystring: DoneQuery } }, async (request, reply) => {
    const actor = actorOf(requireSignedIn(request));
    const composer = await composerOf(db, actor);
    if (!mayCompose(composer)) throw new AppError('FORBIDDEN');
    const ctx = await pageFor(request, deps);
    const paths = await listComposedPaths(db, composer.moderator ? 'all' : composer.organisationIds);
    const done = doneNotice(ctx, 'learning.compose.done', request.query.done)?.text;
    return sendHtml(reply, ComposeListPage({ ctx, paths, moderator: composer.moderator, done }));
  });

  async function newPathPage(request: FastifyRequest, values?: Body, problems?: FieldProblem[]) {
    const actor = actorOf(requireSignedIn(request));
    const composer = await composerOf(db, actor);
    if (!mayCompose(composer)) throw new AppError('FORBIDDEN');
    const ctx = await pageFor(request, deps);
    const organisations = await organisationsOf(db, composer.organisationIds);
    return PathFormPage({ ctx, organisations, moderator: composer.moderator, values, problems });
  }

  app.get('/paths/new', { schema: { hide: true } }, async (request, reply) =>
    sendHtml(reply, await newPathPage(request)),
  );

  app.post('/paths/new', { schema: { hide: true, body: DetailsBody } }, async (request, reply) => {
    const ctx = signedInContext(request, deps);
    const b = request.body as Body;
    return submitForm(
      reply,
      () => createPath(ctx, { ...detailsOf(b), organisationId: one(b.organisation) }),
      {
        redirect: ({ id }) => `/${ctx.locale}/paths/${id}?done=created`,
        refused: (problems) => newPathPage(request, b, problems),
      },
    );
  });

  app.get(
    '/paths/:id',
    { schema: { hide: true, params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const done = doneNotice(ctx, 'learning.editor.done', request.query.done)?.text;
      return sendHtml(reply, await editorPage(request, request.params.id, { done }));
    },
  );

  app.post(
    '/paths/:id',
    { schema: { hide: true, params: IdParams, body: DetailsBody } },
    async (request, reply) => {
      const ctx = signedInContext(request, deps);
      const b = request.body as Body;
      return submitForm(reply, () => editPath(ctx, request.params.id, versionOf(b.version), detailsOf(b)), {
        redirect: ({ id }) => `/${ctx.locale}/paths/${id}?done=saved`,
        refused: (problems) =>
          editorPage(request, request.params.id, {
            problems: problems.length
              ? problems
              : [{ field: 'version', message: 'conflict', code: 'learning_conflict' }],
            values: b,
          }),
        alsoShown: ['CONFLICT'],
      });
    },
  );

  for (const [action, run] of [
    ['publish', publishPath],
    ['unpublish', unpublishPath],
  ] as const)
    app.post(`/paths/:id/${action}`, { schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const ctx = signedInContext(request, deps);
      return submitForm(reply, () => run(ctx, request.params.id), {
        redirect: ({ id }) => `/${ctx.locale}/paths/${id}?done=${action}ed`,
        refused: (problems) => editorPage(request, request.params.id, { problems }),
      });
    });

  app.get('/paths/:id/choices', { schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const actor = actorOf(requireSignedIn(request));
    const path = await findPathById(db, request.params.id);
    if (!path) throw new AppError('LEARNING_PATH_NOT_FOUND');
    // A draft is not found for those who do not compose it, as on the learner's pages.
    if (!(await mayReadCounts(db, actor, path)))
      throw new AppError(path.status === 'published' ? 'FORBIDDEN' : 'LEARNING_PATH_NOT_FOUND');
    const ctx = await pageFor(request, deps);
    return sendHtml(reply, CountsPage({ ctx, path, counts: await countsOf(db, path.id) }));
  });
};
