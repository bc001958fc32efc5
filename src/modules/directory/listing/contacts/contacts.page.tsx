// The contact persons of a listing: one form per person, and one for a new one.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { type I18nText, locales, pickText } from '../../../../shared/i18n-text.ts';
import { languageNames } from '../../../../views/components.tsx';
import { Field, Form } from '../../../../views/forms.tsx';
import { ListingLayout } from '../listing-parts.tsx';
import { PartCards } from '../part-cards.tsx';
import { type FormValues, one, partPrefix } from '../listing-forms.ts';

export interface ContactView {
  id: string;
  name: string;
  title: I18nText | null;
  email: string | null;
  phone: string | null;
  languages: string[];
}

function ContactForm({
  ctx,
  organisationId,
  contact,
  values,
  problems,
}: {
  ctx: PageContext;
  organisationId: string;
  contact?: ContactView;
  values: FormValues;
  problems: FieldProblem[];
}) {
  const { t } = ctx;
  const prefix = partPrefix('contacts', contact?.id);
  // Field ids must be unique on a page with several forms: each form names its own.
  const scoped = problems.map((p) => ({ ...p, field: `${prefix}-${p.field}` }));
  const v = (name: string) => one(values[name]);
  return (
    <Form
      ctx={ctx}
      action={`/${ctx.locale}/manage/organisations/${organisationId}/contacts`}
      submit={contact ? t.t('directory.edit.save') : t.t('directory.contacts.add')}
      wide
      browserChecks
    >
      {contact ? <input type="hidden" name="contact_id" value={contact.id} /> : ''}
      <Field
        ctx={ctx}
        name={`${prefix}-contact_name`}
        label={t.t('directory.contacts.name')}
        value={v('contact_name')}
        problems={scoped}
        maxlength={100}
      />
      <fieldset class="languages-side-by-side">
        <legend>{t.html('directory.contacts.role')}</legend>
        <div class="side-by-side">
          {locales.map((l) => (
            <Field
              ctx={ctx}
              name={`${prefix}-title.${l}`}
              label={languageNames[l]}
              value={v(`title.${l}`)}
              problems={scoped}
              lang={l}
              maxlength={200}
            />
          ))}
        </div>
      </fieldset>
      <Field
        ctx={ctx}
        name={`${prefix}-email`}
        type="email"
        label={t.t('accounts.account.email')}
        value={v('email')}
        problems={scoped}
        maxlength={254}
      />
      <Field
        ctx={ctx}
        name={`${prefix}-phone`}
        type="tel"
        label={t.t('directory.contacts.phone')}
        value={v('phone')}
        problems={scoped}
        maxlength={30}
      />
      <Field
        ctx={ctx}
        name={`${prefix}-languages`}
        label={t.t('directory.edit.languages')}
        hint={t.t('directory.edit.languages_hint')}
        value={v('languages')}
        problems={scoped}
        maxlength={200}
      />
    </Form>
  );
}

export function ContactsPage({
  ctx,
  organisationId,
  name,
  contacts,
  problems = [],
  values = {},
  failedId,
  saved,
}: {
  ctx: PageContext;
  organisationId: string;
  name: I18nText;
  contacts: ContactView[];
  problems?: FieldProblem[];
  values?: FormValues;
  /** The contact whose form was refused, or "new". */
  failedId?: string;
  saved?: boolean;
}) {
  const { t } = ctx;
  const title = t.t('directory.contacts.title', { organisation: pickText(name, ctx.locale)?.text ?? '' });
  const valuesOf = (c: ContactView): FormValues => ({
    contact_name: c.name,
    ...Object.fromEntries(locales.map((l) => [`title.${l}`, c.title?.[l] ?? ''])),
    email: c.email ?? '',
    phone: c.phone ?? '',
    languages: c.languages.join(', '),
  });
  return (
    <ListingLayout ctx={ctx} title={title} organisationId={organisationId} saved={saved}>
      <PartCards
        ctx={ctx}
        organisationId={organisationId}
        kind="contacts"
        parts={contacts}
        heading={(c) => c.name}
        lead={t.t('directory.contacts.lead')}
        valuesOf={valuesOf}
        form={(form) => (
          <ContactForm
            ctx={ctx}
            organisationId={organisationId}
            contact={form.part}
            values={form.values}
            problems={form.problems}
          />
        )}
        addTitle={t.t('directory.contacts.add')}
        failedId={failedId}
        values={values}
        problems={problems}
      />
    </ListingLayout>
  );
}

/** Weekday names in the reader's language, Monday first (2024-01-01 was a Monday). */
