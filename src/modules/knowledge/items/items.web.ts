// The moderators' pages of the shared worksheet lists: every item with its labels in nl, fr and
// en and how many published practices use it (filtered by list and by a missing language), an
// item's page with the form to translate it and the form to merge it into another item of its list.
// Others are refused (403); a visitor is asked to sign in.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { doneNotice, pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import type { FormValues } from '../../../shared/form-values.ts';
import { isLocale, locales } from '../../../shared/i18n-text.ts';
import { worksheetKinds } from '../knowledge.vocabulary.ts';
import { requireModerator } from '../practices/practices.policy.ts';
import { ItemPage } from '../views/item.page.tsx';
import { ItemsPage } from '../views/items.page.tsx';
import { type ItemFilters, itemPageData, itemsPageData } from './item-pages-data.ts';
import { mergeItems } from './merge-items.ts';
import { translateItem } from './translate-item.ts';

const ListQuery = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 20 })),
  missing: Type.Optional(Type.String({ maxLength: 10 })),
  done: Type.Optional(Type.String({ maxLength: 20 })),
});
const ItemParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ItemQuery = Type.Object({
  done: Type.Optional(Type.String({ maxLength: 20 })),
  find: Type.Optional(Type.String({ maxLength: 200 })),
});
/** Labels long enough to say what is too long in words. */
const LabelsBody = Type.Object({
  ...Object.fromEntries(
    locales.map((l) => [`labels.${l}`, Type.Optional(Type.String({ maxLength: 2_000 }))]),
  ),
  version: Type.Optional(Type.String({ maxLength: 20, pattern: '^[0-9a-f]*$' })),
});
const MergeBody = Type.Object({ into: Type.Optional(Type.String({ maxLength: 64 })) });

export const itemsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  /** The signed-in moderator's context; anyone else is refused before a page is shown. */
  const moderatorContext = (request: FastifyRequest) => {
    const kctx = signedInContext(request, deps);
    requireModerator(kctx.actor);
    return kctx;
  };
  const itemHref = (locale: string, id: string, done?: string) =>
    `/${locale}/practices/items/${id}${done ? `?done=${done}` : ''}`;

  /** The item's page, its forms filled as the item is or as refused. */
  async function itemPage(
    request: FastifyRequest,
    id: string,
    refused?: { form: 'labels' | 'merge'; values: FormValues; problems: FieldProblem[] },
    query: { done?: string; find?: string } = {},
  ) {
    const ctx = await pageFor(request, deps);
    const data = await itemPageData(db, id, query.find);
    const current = {
      ...Object.fromEntries(locales.map((l) => [`labels.${l}`, data.item.labels[l] ?? ''])),
      version: data.version,
    };
    return ItemPage({
      ctx,
      data,
      labels:
        refused?.form === 'labels'
          ? { values: refused.values, problems: refused.problems }
          : { values: current },
      merge:
        refused?.form === 'merge' ? { values: refused.values, problems: refused.problems } : { values: {} },
      done: doneNotice(ctx, 'knowledge.items.done', query.done)?.text,
    });
  }

  app.get('/practices/items', { schema: { hide: true, querystring: ListQuery } }, async (request, reply) => {
    moderatorContext(request);
    const ctx = await pageFor(request, deps);
    const { kind, missing, done } = request.query;
    const filters: ItemFilters = {
      kind: worksheetKinds.find((k) => k === kind),
      missing: missing === 'any' || isLocale(missing) ? missing : undefined,
    };
    const data = await itemsPageData(db, filters);
    return sendHtml(
      reply,
      ItemsPage({ ctx, data, done: doneNotice(ctx, 'knowledge.items.done', done)?.text }),
    );
  });

  app.get(
    '/practices/items/:id',
    { schema: { hide: true, params: ItemParams, querystring: ItemQuery } },
    async (request, reply) => {
      moderatorContext(request);
      return sendHtml(reply, await itemPage(request, request.params.id, undefined, request.query));
    },
  );

  app.post(
    '/practices/items/:id',
    { schema: { hide: true, params: ItemParams, body: LabelsBody } },
    async (request, reply) => {
      const kctx = moderatorContext(request);
      const body = request.body as Record<string, string | undefined>;
      const input = {
        labels: Object.fromEntries(locales.map((l) => [l, body[`labels.${l}`] ?? ''])),
        version: body.version || undefined,
      };
      return submitForm(reply, () => translateItem(kctx, request.params.id, input), {
        redirect: ({ id }) => itemHref(kctx.locale, id, 'translated'),
        refused: (problems) => {
          // Changed meanwhile: what was typed stays, and saving again, knowingly, replaces the change.
          const meanwhile = problems.find((p) => p.code === 'worksheet_item_changed_meanwhile');
          const values = meanwhile ? { ...body, version: String(meanwhile.values?.version) } : body;
          return itemPage(request, request.params.id, {
            form: 'labels',
            values: values as FormValues,
            problems,
          });
        },
      });
    },
  );

  app.post(
    '/practices/items/:id/merge',
    { schema: { hide: true, params: ItemParams, body: MergeBody } },
    async (request, reply) => {
      const kctx = moderatorContext(request);
      const values = request.body;
      return submitForm(reply, () => mergeItems(kctx, request.params.id, values.into ?? ''), {
        redirect: ({ id }) => itemHref(kctx.locale, id, 'merged'),
        refused: (problems) =>
          itemPage(request, request.params.id, { form: 'merge', values: values as FormValues, problems }),
      });
    },
  );
};
