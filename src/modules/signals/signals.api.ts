// Need signals through the API, with an organisation's token (Authorization: Bearer psl_…, made
// by its admins on the API tokens page): a case system or a partner's app signals what it sees,
// published at once for that organisation, checked exactly as the form is.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { documented as apiDocs } from '../../http/api-docs.ts';
import type { WebDeps } from '../../http/deps.ts';
import { contextAs } from '../../http/use-case-context.ts';
import { ErrorSchema } from '../directory/index.ts';
import { requireApiToken } from '../access/index.ts';
import { peopleBands, targetGroups } from './signals.vocabulary.ts';
import { signalNeed } from './use-cases/signal-need.ts';

const documented = apiDocs('signals');
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema };

const SignalRequest = Type.Object(
  {
    themes: Type.Array(Type.String({ maxLength: 64 }), {
      minItems: 1,
      maxItems: 10,
      description: 'Theme or sub-theme codes of /api/v1/themes; one to three.',
    }),
    quartier: Type.Optional(Type.Integer({ description: 'Monitoring des Quartiers code.' })),
    commune: Type.Optional(
      Type.String({ maxLength: 10, description: 'NIS code, when no quartier is given.' }),
    ),
    postcode: Type.Optional(Type.String({ maxLength: 10 })),
    street: Type.Optional(
      Type.String({ maxLength: 200, description: 'A street and number, with the postcode.' }),
    ),
    latitude: Type.Optional(Type.Number()),
    longitude: Type.Optional(Type.Number()),
    target_group: Type.Union(targetGroups.map((g) => Type.Literal(g))),
    people: Type.Union(
      peopleBands.map((b) => Type.Literal(b)),
      { description: 'Roughly how many people.' },
    ),
    seen_on: Type.String({ maxLength: 20, description: 'yyyy-MM-dd, from 2000 on, not in the future.' }),
    note: Type.Optional(
      Type.String({
        maxLength: 20_000,
        description: 'At most 1,000 characters; never a name. Never published.',
      }),
    ),
  },
  { additionalProperties: false },
);

const SignalCreated = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Literal('published'),
});

export const signalsApi: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.post(
    '/signals',
    documented('Signal a need for the token’s organisation', {
      security: [{ apiToken: [] }],
      body: SignalRequest,
      response: { 201: SignalCreated, ...errors },
    }),
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const actor = await requireApiToken(deps.db, request.headers.authorization, new Date());
      const b = request.body;
      const text = (n: number | undefined) => (n === undefined ? undefined : String(n));
      const { id } = await signalNeed(
        { ...contextAs(request, deps, actor), keys: deps.keys },
        {
          themes: b.themes,
          quartier: text(b.quartier),
          commune: b.commune,
          postcode: b.postcode,
          street: b.street,
          lat: text(b.latitude),
          lon: text(b.longitude),
          targetGroup: b.target_group,
          people: b.people,
          seenOn: b.seen_on,
          note: b.note,
        },
      );
      return reply.code(201).send({ id, status: 'published' });
    },
  );
};
