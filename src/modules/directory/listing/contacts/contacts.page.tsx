// The contact persons of a listing: one form per person, and one for a new one.
import { type I18nText, pickText } from '../../../../shared/i18n-text.ts';
import { ListingLayout } from '../listing-parts.tsx';
import { PartCards, type PartsPageProps } from '../part-cards.tsx';
import { type FormValues, spread } from '../listing-forms.ts';

export interface ContactView {
  id: string;
  name: string;
  title: I18nText | null;
  email: string | null;
  phone: string | null;
  languages: string[];
}

export function ContactsPage({
  ctx,
  organisationId,
  name,
  parts,
  problems = [],
  values = {},
  failedId,
  saved,
}: PartsPageProps<ContactView>) {
  const { t } = ctx;
  const title = t.t('directory.contacts.title', { organisation: pickText(name, ctx.locale)?.text ?? '' });
  const valuesOf = (c: ContactView): FormValues => ({
    contact_name: c.name,
    ...spread('title', c.title),
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
        parts={parts}
        heading={(c) => c.name}
        lead={t.t('directory.contacts.lead')}
        valuesOf={valuesOf}
        fields={(f) => (
          <>
            {f.text('contact_name', t.t('directory.contacts.name'), { maxlength: 100 })}
            {f.inLanguages('title', t.t('directory.contacts.role'), { maxlength: 200 })}
            {f.email(t.t('accounts.account.email'))}
            {f.text('phone', t.t('directory.contacts.phone'), { type: 'tel', maxlength: 30 })}
            {f.text('languages', t.t('directory.edit.languages'), {
              hint: t.t('directory.edit.languages_hint'),
              maxlength: 200,
            })}
          </>
        )}
        addTitle={t.t('directory.contacts.add')}
        failedId={failedId}
        values={values}
        problems={problems}
      />
    </ListingLayout>
  );
}
