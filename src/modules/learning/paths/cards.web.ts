// A path's cards, for those who compose it: one form per card (new or changed), and a button each
// to move a card up or down or remove it. Each form carries the path's version.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { IdParams } from '../../../http/params.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { requireSignedIn } from '../../../http/signed-in.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import { actorOf } from '../../../shared/actor.ts';
import { AppError, type FieldProblem } from '../../../shared/errors.ts';
import type { FormValues } from '../../../shared/form-values.ts';
import { requireComposerOf } from '../learning.policy.ts';
import { type CardKind, cardKinds } from '../learning.vocabulary.ts';
import { CardFormPage } from '../views/card-form.page.tsx';
import { PathEditorPage } from '../views/path-editor.page.tsx';
import { CardBody, cardFromForm, formOfCard } from './card-form.ts';
import { versionOf } from './compose.web.ts';
import { moveCard } from './move-card.ts';
import { findPathById } from './paths.repo.ts';
import { removeCard } from './remove-card.ts';
import { saveCard } from './save-card.ts';

const CardParams = Type.Object({ id: Type.String({ maxLength: 64 }), key: Type.String({ maxLength: 20 }) });
const NewOrCardParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  key: Type.Optional(Type.String({ maxLength: 20 })),
});
/** A change made meanwhile by someone else: the form again, with the path as it is now. */
const orConflict = (problems: FieldProblem[]): FieldProblem[] =>
  problems.length ? problems : [{ field: 'version', message: 'conflict', code: 'learning_conflict' }];
const KindQuery = Type.Object({ kind: Type.Optional(Type.String({ maxLength: 20 })) });
const VersionBody = Type.Object({
  version: Type.Optional(Type.String({ maxLength: 12 })),
  direction: Type.Optional(Type.String({ maxLength: 10 })),
});
const kindOf = (value: string | undefined): CardKind =>
  cardKinds.includes(value as CardKind) ? (value as CardKind) : 'text';

export const cardsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;

  async function composedPath(request: FastifyRequest, id: string) {
    const actor = actorOf(requireSignedIn(request));
    const path = await findPathById(db, id);
    if (!path) throw new AppError('LEARNING_PATH_NOT_FOUND');
    await requireComposerOf(db, actor, path);
    return path;
  }

  async function cardPage(
    request: FastifyRequest,
    id: string,
    key: string | undefined,
    kind: CardKind | undefined,
    more: { values?: FormValues; problems?: FieldProblem[] } = {},
  ) {
    const path = await composedPath(request, id);
    const card = key ? path.cards.find((c) => c.key === key) : undefined;
    if (key && !card) throw new AppError('LEARNING_CARD_NOT_FOUND');
    const ctx = await pageFor(request, deps);
    const values = more.values ?? (card ? formOfCard(card) : {});
    return CardFormPage({
      ctx,
      path,
      kind: card?.kind ?? kind ?? 'text',
      cardKey: card?.key,
      values,
      problems: more.problems,
    });
  }

  app.get(
    '/paths/:id/cards/new',
    { schema: { hide: true, params: IdParams, querystring: KindQuery } },
    async (request, reply) =>
      sendHtml(reply, await cardPage(request, request.params.id, undefined, kindOf(request.query.kind))),
  );

  app.get('/paths/:id/cards/:key', { schema: { hide: true, params: CardParams } }, async (request, reply) =>
    sendHtml(reply, await cardPage(request, request.params.id, request.params.key, undefined)),
  );

  for (const route of ['/paths/:id/cards/new', '/paths/:id/cards/:key'])
    app.post(
      route,
      { schema: { hide: true, params: NewOrCardParams, body: CardBody } },
      async (request, reply) => {
        const ctx = signedInContext(request, deps);
        const b = request.body as FormValues;
        const { id, key } = request.params;
        const existing = key ? (await findPathById(db, id))?.cards.find((c) => c.key === key) : undefined;
        if (key && !existing) throw new AppError('LEARNING_CARD_NOT_FOUND');
        const kind = existing?.kind ?? kindOf(b.kind as string | undefined);
        return submitForm(
          reply,
          () =>
            saveCard(ctx, id, versionOf(b.version as string | undefined), cardFromForm(kind, key ?? '', b)),
          {
            redirect: ({ key: saved }) => `/${ctx.locale}/paths/${id}?done=card_saved#card-${saved}`,
            refused: (problems) =>
              cardPage(request, id, key, kind, { values: b, problems: orConflict(problems) }),
            alsoShown: ['CONFLICT'],
          },
        );
      },
    );

  async function editorWith(request: FastifyRequest, id: string, problems: FieldProblem[]) {
    const path = await composedPath(request, id);
    const ctx = await pageFor(request, deps);
    // Whoever composes a path belongs to its organisation or moderates: they read its counts.
    return PathEditorPage({ ctx, path, problems, mayReadCounts: true });
  }

  app.post(
    '/paths/:id/cards/:key/move',
    { schema: { hide: true, params: CardParams, body: VersionBody } },
    async (request, reply) => {
      const ctx = signedInContext(request, deps);
      const { id, key } = request.params;
      const direction = request.body.direction === 'up' ? 'up' : 'down';
      return submitForm(reply, () => moveCard(ctx, id, versionOf(request.body.version), key, direction), {
        redirect: () => `/${ctx.locale}/paths/${id}?done=card_moved`,
        refused: (problems) => editorWith(request, id, orConflict(problems)),
        alsoShown: ['CONFLICT'],
      });
    },
  );

  app.post(
    '/paths/:id/cards/:key/remove',
    { schema: { hide: true, params: CardParams, body: VersionBody } },
    async (request, reply) => {
      const ctx = signedInContext(request, deps);
      const { id, key } = request.params;
      return submitForm(reply, () => removeCard(ctx, id, versionOf(request.body.version), key), {
        redirect: () => `/${ctx.locale}/paths/${id}?done=card_removed`,
        refused: (problems) => editorWith(request, id, orConflict(problems)),
        alsoShown: ['CONFLICT'],
      });
    },
  );
};
