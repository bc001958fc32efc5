// The contact persons of a listing: one form per person and one for a new person, each posting
// its fields with a prefix ("new-", "c-<id>-") so one page holds them all.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../../http/deps.ts';
import { submitForm } from '../../../../http/form-route.ts';
import { pageFor } from '../../../../http/request-context.ts';
import { sendHtml } from '../../../../http/send-html.ts';
import { signedInContext } from '../../../../http/use-case-context.ts';
import { AppError } from '../../../../shared/errors.ts';
import { locales } from '../../../../shared/i18n-text.ts';
import { isUuid } from '../../../../shared/shapes.ts';
import { IdParams } from '../../directory.schemas.ts';
import { getOrganisation } from '../../directory.service.ts';
import { deletePartRoute } from '../delete-part.web.ts';
import { organisationToEdit } from '../to-edit.web.ts';
import { type FormValues, partPrefix } from '../listing-forms.ts';
import { SavedQuery } from '../listing-schemas.ts';
import { ContactsPage } from './contacts.page.tsx';
import { deleteContact } from './delete-contact.ts';
import { saveContact } from './save-contact.ts';

const ContactBody = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1_000 }), {
  maxProperties: 20,
});

export const contactsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  const contactsPath = (locale: string, id: string) => `/${locale}/manage/organisations/${id}/contacts`;

  app.get(
    '/manage/organisations/:id/contacts',
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const org = await organisationToEdit(request, deps);
      return sendHtml(
        reply,
        ContactsPage({
          ctx: await pageFor(request, deps),
          organisationId: org.id,
          name: org.name,
          contacts: org.contacts,
          saved: request.query.done === 'saved',
        }),
      );
    },
  );

  app.post(
    '/manage/organisations/:id/contacts',
    { schema: { hide: true, params: IdParams, body: ContactBody } },
    async (request, reply) => {
      const useCase = signedInContext(request, deps);
      const ctx = await pageFor(request, deps);
      const org = await getOrganisation(db, request.params.id);
      const body = request.body;
      const contactId = body.contact_id || null;
      if (contactId && !isUuid(contactId)) throw new AppError('NOT_FOUND');
      const prefix = `${partPrefix('contacts', contactId)}-`;
      const field = (name: string) => body[`${prefix}${name}`] ?? '';
      const values: FormValues = Object.fromEntries(
        ['contact_name', 'email', 'phone', 'languages', ...locales.map((l) => `title.${l}`)].map((n) => [
          n,
          field(n),
        ]),
      );
      const input = {
        name: field('contact_name'),
        title: Object.fromEntries(locales.map((l) => [l, field(`title.${l}`)])),
        email: field('email'),
        phone: field('phone'),
        languages: field('languages')
          .split(/[\s,;]+/)
          .filter(Boolean),
      };
      return submitForm(reply, () => saveContact(useCase, org.id, contactId, input), {
        redirect: () => `${contactsPath(ctx.locale, org.id)}?done=saved`,
        refused: (problems) =>
          ContactsPage({
            ctx,
            organisationId: org.id,
            name: org.name,
            contacts: org.contacts,
            problems,
            values,
            failedId: contactId ?? 'new',
          }),
      });
    },
  );

  deletePartRoute(app, deps, 'contacts', deleteContact);
};
