// The contact persons of a listing: one form per person, and one for a new one.
import { type I18nText } from '../../../../shared/i18n-text.ts';
import { PartsPage, type PartsPageProps } from '../parts-page.tsx';
import { spread } from '../listing-forms.ts';
import { languagesForField } from '../../language-names.ts';

export interface ContactView {
  id: string;
  name: string;
  title: I18nText | null;
  email: string | null;
  phone: string | null;
  languages: string[];
}

export function ContactsPage(page: PartsPageProps<ContactView>) {
  const { t } = page.ctx;
  return (
    <PartsPage
      page={page}
      kind="contacts"
      title={(organisation) => t.t('directory.contacts.title', { organisation })}
      heading={(c) => c.name}
      lead={t.t('directory.contacts.lead')}
      valuesOf={(c) => ({
        contact_name: c.name,
        ...spread('title', c.title),
        email: c.email ?? '',
        phone: c.phone ?? '',
        languages: languagesForField(c.languages, t.language),
      })}
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
    />
  );
}
