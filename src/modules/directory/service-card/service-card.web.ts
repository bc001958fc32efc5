// The card of a service to hand to the person it is for: a public page, like the service's own.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { pageContext } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { AppError } from '../../../shared/errors.ts';
import { locales } from '../../../shared/i18n-text.ts';
import { Enum } from '../../../shared/schema-enum.ts';
import { IdParams } from '../directory.schemas.ts';
import { getService } from '../directory.service.ts';
import { presentServiceCard } from './present-service-card.ts';
import { ServiceCardPage } from './service-card.page.tsx';

const CardQuery = Type.Object({
  /** The person's language, for the card; the page stays in the reader's. */
  lang: Type.Optional(Enum(locales)),
});

export const serviceCardWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, { db, config, demoBanner }) => {
  app.get(
    '/services/:id/card',
    { schema: { hide: true, params: IdParams, querystring: CardQuery } },
    async (request, reply) => {
      const [ctx, service] = await Promise.all([
        demoBanner().then((banner) => pageContext(request, config, banner)),
        getService(db, request.params.id),
      ]);
      // A card sends someone to the door: not for a service that no longer runs or is closed for now.
      if (service.status !== 'active') throw new AppError('SERVICE_NOT_FOUND');
      const card = presentServiceCard(service, request.query.lang ?? ctx.locale, ctx.origin);
      return sendHtml(reply, ServiceCardPage({ ctx, card }));
    },
  );
};
