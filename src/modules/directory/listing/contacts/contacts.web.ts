// The contact persons of a listing: one form per person and one for a new person.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../../http/deps.ts';
import { one } from '../../../../shared/form-values.ts';
import { textOf } from '../listing-forms.ts';
import { splitLanguages } from '../../language-names.ts';
import { partRoutes } from '../part-routes.web.ts';
import { ContactsPage } from './contacts.page.tsx';
import { deleteContact } from './delete-contact.ts';
import { saveContact } from './save-contact.ts';

const ContactBody = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1_000 }), {
  maxProperties: 20,
});

export const contactsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  partRoutes(app, deps, {
    kind: 'contacts',
    body: ContactBody,
    page: (ctx, org, state) =>
      ContactsPage({ ctx, organisationId: org.id, name: org.name, parts: org.contacts, ...state }),
    inputOf: (values) => {
      const field = (name: string) => one(values[name]) ?? '';
      return {
        name: field('contact_name'),
        title: textOf(values, 'title'),
        email: field('email'),
        phone: field('phone'),
        languages: splitLanguages(field('languages')),
      };
    },
    save: saveContact,
    remove: deleteContact,
  });
};
