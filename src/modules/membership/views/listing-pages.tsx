// Editing forms for an organisation's listing: every text in nl, fr and en side by side with how
// complete each language is; and the listing's history, with rollback for moderators.
import type { PageContext } from '../../../http/request-context.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, type Locale, locales, pickText } from '../../../shared/i18n-text.ts';
import { label, languageNames } from '../../../views/components.tsx';
import {
  Choices,
  CsrfField,
  ErrorSummary,
  Field,
  fieldMessage,
  Notice,
  TextArea,
} from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';

export type FormValues = Record<string, string | string[] | undefined>;

/** How many of the texts a listing has are written in each language. */
export function completeness(texts: I18nText[]): Record<Locale, { filled: number; total: number }> {
  const present = texts.filter((t) => Object.values(t).some(Boolean));
  return Object.fromEntries(
    locales.map((l) => [l, { filled: present.filter((t) => t[l]?.trim()).length, total: present.length }]),
  ) as Record<Locale, { filled: number; total: number }>;
}

export function Completeness({ ctx, texts }: { ctx: PageContext; texts: I18nText[] }) {
  const counts = completeness(texts);
  return (
    <section class="completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">{ctx.t.html('edit.completeness')}</h2>
      <ul>
        {locales.map((l) => {
          const { filled, total } = counts[l];
          return (
            <li class={filled === total ? 'complete' : 'incomplete'}>
              <span lang={l}>{languageNames[l]}</span>:{' '}
              <meter
                min="0"
                max={String(Math.max(total, 1))}
                value={String(filled)}
                aria-hidden="true"
              ></meter>{' '}
              <span safe>{ctx.t.t('edit.filled', { filled, total })}</span>
            </li>
          );
        })}
      </ul>
      <p class="hint">{ctx.t.html('edit.completeness_hint')}</p>
    </section>
  );
}

/** One text in three languages, side by side; a textarea for long texts. */
export function TextInLanguages({
  ctx,
  name,
  legend,
  hint,
  values,
  problems,
  long = false,
  maxlength,
}: {
  ctx: PageContext;
  name: string;
  legend: string;
  hint?: string;
  values: FormValues;
  problems: FieldProblem[];
  long?: boolean;
  maxlength: number;
}) {
  const whole = problems.find((p) => p.field === name);
  return (
    <fieldset class="languages-side-by-side" id={`f-${name}`}>
      <legend safe>{legend}</legend>
      {hint ? (
        <p class="hint" safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      {whole ? (
        <p class="field-error" safe>
          {fieldMessage(ctx, whole)}
        </p>
      ) : (
        ''
      )}
      <div class="side-by-side">
        {locales.map((l) => {
          const field = `${name}.${l}`;
          const value = values[field];
          const written: string = typeof value === 'string' ? value : '';
          return long ? (
            <TextArea
              ctx={ctx}
              name={field}
              label={languageNames[l]}
              value={written}
              rows={6}
              lang={l}
              maxlength={maxlength}
              problems={problems}
            />
          ) : (
            <Field
              ctx={ctx}
              name={field}
              label={languageNames[l]}
              value={written || undefined}
              problems={problems}
              lang={l}
              maxlength={maxlength}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function EditOrganisationPage({
  ctx,
  organisationId,
  name,
  values,
  problems = [],
  saved,
  kinds,
  logoUpdatedAt,
}: {
  ctx: PageContext;
  organisationId: string;
  name: I18nText;
  values: FormValues;
  problems?: FieldProblem[];
  saved?: boolean;
  kinds: readonly string[];
  logoUpdatedAt?: Date | null;
}) {
  const { t } = ctx;
  const title = t.t('edit.organisation_title', { organisation: pickText(name, ctx.locale)?.text ?? '' });
  const textsOf = (field: string): I18nText =>
    Object.fromEntries(locales.map((l) => [l, one(values[`${field}.${l}`]) ?? ''])) as I18nText;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {saved ? <Notice text={t.t('edit.saved')} /> : ''}
      <ManageLinks ctx={ctx} organisationId={organisationId} />
      <ErrorSummary ctx={ctx} problems={problems} />
      <Completeness ctx={ctx} texts={[textsOf('name'), textsOf('description')]} />
      <form
        method="post"
        action={`/${ctx.locale}/manage/organisations/${organisationId}/profile`}
        class="form wide"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <TextInLanguages
          ctx={ctx}
          name="name"
          legend={t.t('register_org.name')}
          hint={t.t('register_org.name_hint')}
          values={values}
          problems={problems}
          maxlength={200}
        />
        <TextInLanguages
          ctx={ctx}
          name="description"
          legend={t.t('edit.description')}
          hint={t.t('edit.description_hint')}
          values={values}
          problems={problems}
          long
          maxlength={5000}
        />
        <div class="field">
          <label for="f-kind">{t.html('register_org.kind')}</label>
          <select id="f-kind" name="kind">
            {kinds.map((k) => (
              <option value={k} selected={one(values.kind) === k ? true : undefined} safe>
                {label(ctx, 'kind', k)}
              </option>
            ))}
          </select>
        </div>
        <Field
          ctx={ctx}
          name="kbo_number"
          label={t.t('register_org.kbo')}
          hint={t.t('register_org.kbo_hint')}
          value={one(values.kbo_number)}
          problems={problems}
          maxlength={20}
        />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={t.t('register_org.email')}
          value={one(values.email)}
          problems={problems}
          maxlength={254}
        />
        <Field
          ctx={ctx}
          name="website"
          type="url"
          label={t.t('register_org.website')}
          value={one(values.website)}
          problems={problems}
          maxlength={500}
        />
        <div class="form-actions">
          <button type="submit">{t.html('edit.save')}</button>
        </div>
      </form>
      <section class="logo-section" aria-labelledby="logo-title">
        <h2 id="logo-title">{t.html('logo.title')}</h2>
        {logoUpdatedAt ? (
          <p>
            <img
              src={`/logos/${organisationId}?v=${logoUpdatedAt.getTime()}`}
              alt={t.t('logo.current')}
              class="logo-preview"
              width="96"
              height="96"
            />
          </p>
        ) : (
          ''
        )}
        <form
          method="post"
          action={`/${ctx.locale}/manage/organisations/${organisationId}/logo`}
          enctype="multipart/form-data"
          class="form"
        >
          <CsrfField ctx={ctx} />
          <div class="field">
            <label for="f-logo">{t.html('logo.file')}</label>
            <p class="hint" id="f-logo-hint">
              {t.html('logo.hint')}
            </p>
            {problems.some((p) => p.field === 'logo') ? (
              <p class="field-error" id="f-logo-error" safe>
                {fieldMessage(
                  ctx,
                  problems.find((p) => p.field === 'logo')!,
                )}
              </p>
            ) : (
              ''
            )}
            <input
              id="f-logo"
              name="logo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={
                problems.some((p) => p.field === 'logo') ? 'f-logo-hint f-logo-error' : 'f-logo-hint'
              }
              aria-invalid={problems.some((p) => p.field === 'logo') ? 'true' : undefined}
            />
          </div>
          <div class="form-actions">
            <button type="submit">{t.html('logo.upload')}</button>
            {logoUpdatedAt ? (
              <button type="submit" name="remove" value="1" class="secondary">
                {t.html('logo.remove')}
              </button>
            ) : (
              ''
            )}
          </div>
        </form>
      </section>
    </Layout>
  );
}

export function EditServicePage({
  ctx,
  serviceId,
  organisationId,
  name,
  values,
  problems = [],
  saved,
  vocabularies,
}: {
  ctx: PageContext;
  /** Unset for a new service. */
  serviceId?: string;
  organisationId: string;
  name: I18nText;
  values: FormValues;
  problems?: FieldProblem[];
  saved?: boolean;
  vocabularies: {
    statuses: readonly string[];
    targetGroups: readonly string[];
    accessConditions: readonly string[];
    themes: { code: string; name: I18nText; children: { code: string; name: I18nText }[] }[];
  };
}) {
  const { t } = ctx;
  const title = serviceId
    ? t.t('edit.service_title', { service: pickText(name, ctx.locale)?.text ?? '' })
    : t.t('edit.new_service');
  const action = serviceId
    ? `/${ctx.locale}/manage/services/${serviceId}`
    : `/${ctx.locale}/manage/organisations/${organisationId}/services/new`;
  const texts = ['name', 'description', 'applicationProcess', 'feesDescription', 'eligibilityDescription'];
  const textsOf = (field: string): I18nText =>
    Object.fromEntries(locales.map((l) => [l, one(values[`${field}.${l}`]) ?? ''])) as I18nText;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {saved ? <Notice text={t.t('edit.saved')} /> : ''}
      <ManageLinks ctx={ctx} organisationId={organisationId} />
      {serviceId ? (
        <p>
          <a href={`/${ctx.locale}/manage/services/${serviceId}/hours`}>{t.html('hours.link')}</a>
        </p>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} problems={problems} />
      <Completeness ctx={ctx} texts={texts.map(textsOf)} />
      <form method="post" action={action} class="form wide" novalidate>
        <CsrfField ctx={ctx} />
        <TextInLanguages
          ctx={ctx}
          name="name"
          legend={t.t('edit.service_name')}
          values={values}
          problems={problems}
          maxlength={200}
        />
        <TextInLanguages
          ctx={ctx}
          name="description"
          legend={t.t('edit.description')}
          hint={t.t('edit.description_hint')}
          values={values}
          problems={problems}
          long
          maxlength={5000}
        />
        <TextInLanguages
          ctx={ctx}
          name="applicationProcess"
          legend={t.t('edit.application_process')}
          values={values}
          problems={problems}
          long
          maxlength={1000}
        />
        <TextInLanguages
          ctx={ctx}
          name="eligibilityDescription"
          legend={t.t('edit.eligibility')}
          values={values}
          problems={problems}
          long
          maxlength={1000}
        />
        <TextInLanguages
          ctx={ctx}
          name="feesDescription"
          legend={t.t('edit.fees')}
          values={values}
          problems={problems}
          long
          maxlength={1000}
        />
        <div class="field">
          <label for="f-status">{t.html('edit.status')}</label>
          <select id="f-status" name="status">
            {vocabularies.statuses.map((s) => (
              <option value={s} selected={one(values.status) === s ? true : undefined} safe>
                {label(ctx, 'status', s)}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="themes-choice" id="f-themes">
          <legend>{t.html('edit.themes')}</legend>
          <p class="hint">{t.html('edit.themes_hint')}</p>
          {vocabularies.themes.map((theme) => (
            <details
              open={
                [theme, ...theme.children].some((c) => list(values.themes).includes(c.code))
                  ? true
                  : undefined
              }
            >
              <summary safe>{pickText(theme.name, ctx.locale)?.text ?? theme.code}</summary>
              {[theme, ...theme.children].map((c, i) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="themes"
                    value={c.code}
                    checked={list(values.themes).includes(c.code) ? true : undefined}
                  />{' '}
                  <span safe>
                    {i === 0 ? t.t('edit.theme_general') : (pickText(c.name, ctx.locale)?.text ?? c.code)}
                  </span>
                </label>
              ))}
            </details>
          ))}
        </fieldset>
        <Choices
          ctx={ctx}
          name="target_groups"
          legend={t.t('edit.target_groups')}
          multiple
          options={vocabularies.targetGroups.map((o) => ({ value: o, label: label(ctx, 'target', o) }))}
          checked={list(values.target_groups)}
        />
        <Choices
          ctx={ctx}
          name="access_conditions"
          legend={t.t('edit.access_conditions')}
          multiple
          options={vocabularies.accessConditions.map((o) => ({ value: o, label: label(ctx, 'access', o) }))}
          checked={list(values.access_conditions)}
        />
        <Field
          ctx={ctx}
          name="languages"
          label={t.t('edit.languages')}
          hint={t.t('edit.languages_hint')}
          value={one(values.languages)}
          problems={problems}
          maxlength={300}
        />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={t.t('register_org.email')}
          value={one(values.email)}
          problems={problems}
          maxlength={254}
        />
        <Field
          ctx={ctx}
          name="url"
          type="url"
          label={t.t('register_org.website')}
          value={one(values.url)}
          problems={problems}
          maxlength={500}
        />
        <div class="form-actions">
          <button type="submit">{t.html('edit.save')}</button>
        </div>
      </form>
    </Layout>
  );
}

export function ManageLinks({
  ctx,
  organisationId,
  canEdit = true,
}: {
  ctx: PageContext;
  organisationId: string;
  /** Referrers see the members and the history, not the editing forms. */
  canEdit?: boolean;
}) {
  const base = `/${ctx.locale}/manage/organisations/${organisationId}`;
  const here = (path: string) => (ctx.path === `${base.slice(3)}${path}` ? 'page' : undefined);
  return (
    <nav class="manage-nav" aria-label={ctx.t.t('edit.manage_nav')}>
      <ul>
        {canEdit ? (
          <>
            <li>
              <a href={`${base}/profile`} aria-current={here('/profile')}>
                {ctx.t.html('edit.profile')}
              </a>
            </li>
            <li>
              <a href={`${base}/services`} aria-current={here('/services')}>
                {ctx.t.html('edit.services')}
              </a>
            </li>
            <li>
              <a href={`${base}/locations`} aria-current={here('/locations')}>
                {ctx.t.html('locations.title_short')}
              </a>
            </li>
            <li>
              <a href={`${base}/contacts`} aria-current={here('/contacts')}>
                {ctx.t.html('contacts.title_short')}
              </a>
            </li>
          </>
        ) : (
          ''
        )}
        <li>
          <a href={`${base}/members`} aria-current={here('/members')}>
            {ctx.t.html('my_orgs.members')}
          </a>
        </li>
        <li>
          <a href={`${base}/history`} aria-current={here('/history')}>
            {ctx.t.html('history.title_short')}
          </a>
        </li>
        <li>
          <a href={`/${ctx.locale}/organisations/${organisationId}`}>{ctx.t.html('members.public_page')}</a>
        </li>
      </ul>
    </nav>
  );
}

export function ServicesListPage({
  ctx,
  organisationId,
  name,
  services,
}: {
  ctx: PageContext;
  organisationId: string;
  name: I18nText;
  services: { id: string; name: I18nText; status: string }[];
}) {
  const { t } = ctx;
  const title = t.t('edit.services_title', { organisation: pickText(name, ctx.locale)?.text ?? '' });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <ManageLinks ctx={ctx} organisationId={organisationId} />
      {services.length ? (
        <ul class="cards">
          {services.map((s) => (
            <li class="card">
              <h2>
                <a href={`/${ctx.locale}/manage/services/${s.id}`} safe>
                  {pickText(s.name, ctx.locale)?.text ?? ''}
                </a>
              </h2>
              <p safe>{label(ctx, 'status', s.status)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.html('edit.no_services')}</p>
      )}
      <p>
        <a class="button" href={`/${ctx.locale}/manage/organisations/${organisationId}/services/new`}>
          {t.html('edit.add_service')}
        </a>
      </p>
    </Layout>
  );
}

export interface VersionView {
  id: number;
  at: Date;
  actor: string;
  recordType: string;
  recordName: string;
  action: string;
  /** A change of fields of a record kind that can be rolled back. */
  rollbackable: boolean;
  rolledBack: number | null;
  changes: { field: string; before: string; after: string }[];
}

export function HistoryPage({
  ctx,
  organisationId,
  name,
  versions,
  canRollBack,
  notice,
}: {
  ctx: PageContext;
  organisationId: string;
  name: I18nText;
  versions: VersionView[];
  canRollBack: boolean;
  notice?: string;
}) {
  const { t } = ctx;
  const title = t.t('history.title', { organisation: pickText(name, ctx.locale)?.text ?? '' });
  const when = (d: Date) =>
    `${t.date(d, 'medium')} ${d.toLocaleTimeString(ctx.locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' })}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {notice ? <Notice text={notice} /> : ''}
      <ManageLinks ctx={ctx} organisationId={organisationId} />
      {versions.length ? (
        <ol class="history">
          {versions.map((v) => (
            <li class="card" id={`v${v.id}`}>
              <p>
                <strong safe>{when(v.at)}</strong> · <span safe>{v.actor}</span> ·{' '}
                <span safe>
                  {t.t(`history.record.${v.recordType}` as MessageKey, { name: v.recordName })}
                </span>
                {v.action === 'rollback' ? (
                  <>
                    {' '}
                    · <span safe>{t.t('history.rollback_of', { id: v.rolledBack ?? 0 })}</span>
                  </>
                ) : (
                  ''
                )}
              </p>
              <table class="data-table">
                <caption class="visually-hidden" safe>
                  {t.t('history.changes_caption', { id: v.id })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.html('history.field')}</th>
                    <th scope="col">{t.html('history.before')}</th>
                    <th scope="col">{t.html('history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.changes.map((c) => (
                    <tr>
                      <th scope="row" safe>
                        {c.field}
                      </th>
                      <td class="before" safe>
                        {c.before}
                      </td>
                      <td class="after" safe>
                        {c.after}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {canRollBack && v.rollbackable ? (
                <form
                  method="post"
                  action={`/${ctx.locale}/manage/versions/${v.id}/rollback`}
                  class="inline-form"
                >
                  <CsrfField ctx={ctx} />
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={t.t('history.roll_back_label', { id: v.id })}
                  >
                    {t.html('history.roll_back')}
                  </button>
                </form>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.html('history.none')}</p>
      )}
    </Layout>
  );
}

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
  const prefix = contact ? `c-${contact.id}` : 'new';
  // Field ids must be unique on a page with several forms: each form names its own.
  const scoped = problems.map((p) => ({ ...p, field: `${prefix}-${p.field}` }));
  const v = (name: string) => one(values[name]);
  return (
    <form
      method="post"
      action={`/${ctx.locale}/manage/organisations/${organisationId}/contacts`}
      class="form wide"
    >
      <CsrfField ctx={ctx} />
      {contact ? <input type="hidden" name="contact_id" value={contact.id} /> : ''}
      <Field
        ctx={ctx}
        name={`${prefix}-contact_name`}
        label={t.t('contacts.name')}
        value={v('contact_name')}
        problems={scoped}
        maxlength={100}
      />
      <fieldset class="languages-side-by-side">
        <legend>{t.html('contacts.role')}</legend>
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
        label={t.t('account.email')}
        value={v('email')}
        problems={scoped}
        maxlength={254}
      />
      <Field
        ctx={ctx}
        name={`${prefix}-phone`}
        type="tel"
        label={t.t('contacts.phone')}
        value={v('phone')}
        problems={scoped}
        maxlength={30}
      />
      <Field
        ctx={ctx}
        name={`${prefix}-languages`}
        label={t.t('edit.languages')}
        hint={t.t('edit.languages_hint')}
        value={v('languages')}
        problems={scoped}
        maxlength={200}
      />
      <div class="form-actions">
        <button type="submit">{contact ? t.html('edit.save') : t.html('contacts.add')}</button>
      </div>
    </form>
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
  const title = t.t('contacts.title', { organisation: pickText(name, ctx.locale)?.text ?? '' });
  const valuesOf = (c: ContactView): FormValues => ({
    contact_name: c.name,
    ...Object.fromEntries(locales.map((l) => [`title.${l}`, c.title?.[l] ?? ''])),
    email: c.email ?? '',
    phone: c.phone ?? '',
    languages: c.languages.join(', '),
  });
  const prefixOf = failedId === 'new' || !failedId ? 'new' : `c-${failedId}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {saved ? <Notice text={t.t('edit.saved')} /> : ''}
      <ManageLinks ctx={ctx} organisationId={organisationId} />
      <ErrorSummary ctx={ctx} problems={problems.map((p) => ({ ...p, field: `${prefixOf}-${p.field}` }))} />
      <p>{t.html('contacts.lead')}</p>
      {contacts.map((c) => (
        <section class="card" aria-labelledby={`h-${c.id}`}>
          <h2 id={`h-${c.id}`} safe>
            {c.name}
          </h2>
          <ContactForm
            ctx={ctx}
            organisationId={organisationId}
            contact={c}
            values={failedId === c.id ? values : valuesOf(c)}
            problems={failedId === c.id ? problems : []}
          />
          <form
            method="post"
            action={`/${ctx.locale}/manage/organisations/${organisationId}/contacts/${c.id}/delete`}
            class="inline-form"
          >
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary" aria-label={t.t('members.remove_name', { name: c.name })}>
              {t.html('members.remove')}
            </button>
          </form>
        </section>
      ))}
      <section class="card" aria-labelledby="h-new-contact">
        <h2 id="h-new-contact">{t.html('contacts.add')}</h2>
        <ContactForm
          ctx={ctx}
          organisationId={organisationId}
          values={failedId === 'new' ? values : {}}
          problems={failedId === 'new' ? problems : []}
        />
      </section>
    </Layout>
  );
}

/** Weekday names in the reader's language, Monday first (2024-01-01 was a Monday). */
function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

export function HoursPage({
  ctx,
  serviceId,
  organisationId,
  name,
  values,
  closedOnPublicHolidays,
  special,
  problems = [],
  saved,
  exceptions,
  exceptionValues = {},
  exceptionProblems = [],
}: {
  ctx: PageContext;
  exceptions: {
    id: string;
    startsOn: string;
    endsOn: string;
    closed: boolean;
    opensAt: string | null;
    closesAt: string | null;
    note: I18nText | null;
  }[];
  exceptionValues?: Record<string, string>;
  exceptionProblems?: FieldProblem[];
  serviceId: string;
  organisationId: string;
  name: I18nText;
  /** "d1p1o" (Monday, first period, opens) and so on, as typed or stored. */
  values: Record<string, string>;
  closedOnPublicHolidays: boolean;
  /** Some hours are per location or season, and kept as they are. */
  special: boolean;
  problems?: FieldProblem[];
  saved?: boolean;
}) {
  const { t } = ctx;
  const title = t.t('hours.title', { service: pickText(name, ctx.locale)?.text ?? '' });
  const days = weekdayNames(ctx.locale);
  const problemOf = (day: number, period: number) => problems.find((p) => p.field === `d${day}p${period}`);
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {saved ? <Notice text={t.t('edit.saved')} /> : ''}
      <ManageLinks ctx={ctx} organisationId={organisationId} />
      <p>
        <a href={`/${ctx.locale}/manage/services/${serviceId}`}>{t.html('hours.back')}</a>
      </p>
      <ErrorSummary ctx={ctx} problems={problems.map((p) => ({ ...p, field: `${p.field}o` }))} />
      <p>{t.html('hours.lead')}</p>
      {special ? <Notice tone="warn" text={t.t('hours.special')} /> : ''}
      <form
        method="post"
        action={`/${ctx.locale}/manage/services/${serviceId}/hours`}
        class="form wide"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <table class="data-table hours-form">
          <caption class="visually-hidden">{t.html('hours.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.html('hours.day')}</th>
              <th scope="col">{t.html('hours.first')}</th>
              <th scope="col">{t.html('hours.second')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((dayName, i) => {
              const day = i + 1;
              return (
                <tr>
                  <th scope="row" safe>
                    {dayName}
                  </th>
                  {[1, 2].map((period) => {
                    const problem = problemOf(day, period);
                    const id = `f-d${day}p${period}`;
                    return (
                      <td>
                        {problem ? (
                          <p class="field-error" id={`${id}-error`} safe>
                            {fieldMessage(ctx, problem)}
                          </p>
                        ) : (
                          ''
                        )}
                        <label for={`${id}o`} class="visually-hidden" safe>
                          {t.t('hours.opens_label', { day: dayName, period })}
                        </label>
                        <input
                          type="time"
                          id={`${id}o`}
                          name={`d${day}p${period}o`}
                          value={values[`d${day}p${period}o`] ?? ''}
                          aria-invalid={problem ? 'true' : undefined}
                          aria-describedby={problem ? `${id}-error` : undefined}
                        />
                        {' – '}
                        <label for={`${id}c`} class="visually-hidden" safe>
                          {t.t('hours.closes_label', { day: dayName, period })}
                        </label>
                        <input
                          type="time"
                          id={`${id}c`}
                          name={`d${day}p${period}c`}
                          value={values[`d${day}p${period}c`] ?? ''}
                          aria-invalid={problem ? 'true' : undefined}
                        />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        <label class="check">
          <input
            type="checkbox"
            name="closed_on_public_holidays"
            value="1"
            checked={closedOnPublicHolidays ? true : undefined}
          />{' '}
          {t.html('hours.holidays')}
        </label>
        <div class="form-actions">
          <button type="submit">{t.html('edit.save')}</button>
        </div>
      </form>
      <section aria-labelledby="exceptions-title">
        <h2 id="exceptions-title">{t.html('exceptions.title')}</h2>
        {exceptions.length ? (
          <ul class="plain">
            {exceptions.map((e) => (
              <li>
                <span safe>
                  {e.startsOn === e.endsOn
                    ? t.date(e.startsOn, 'medium')
                    : t.t('exceptions.range', {
                        from: t.date(e.startsOn, 'medium'),
                        to: t.date(e.endsOn, 'medium'),
                      })}
                </span>
                {' · '}
                <span safe>
                  {e.closed
                    ? t.t('exceptions.closed')
                    : t.t('exceptions.open', {
                        opens: e.opensAt?.slice(0, 5) ?? '',
                        closes: e.closesAt?.slice(0, 5) ?? '',
                      })}
                </span>
                {e.note ? (
                  <>
                    {' · '}
                    <span safe>{pickText(e.note, ctx.locale)?.text ?? ''}</span>
                  </>
                ) : (
                  ''
                )}{' '}
                <form
                  method="post"
                  action={`/${ctx.locale}/manage/services/${serviceId}/exceptions/${e.id}/delete`}
                  class="inline-form"
                >
                  <CsrfField ctx={ctx} />
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={t.t('exceptions.remove_label', { date: t.date(e.startsOn, 'medium') })}
                  >
                    {t.html('members.remove')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.html('exceptions.none')}</p>
        )}
        <h3>{t.html('exceptions.add')}</h3>
        <ErrorSummary ctx={ctx} problems={exceptionProblems} />
        <form
          method="post"
          action={`/${ctx.locale}/manage/services/${serviceId}/exceptions`}
          class="form wide"
          novalidate
        >
          <CsrfField ctx={ctx} />
          <div class="side-by-side">
            <Field
              ctx={ctx}
              name="starts_on"
              type="date"
              label={t.t('exceptions.from')}
              value={exceptionValues.starts_on}
              problems={exceptionProblems}
              maxlength={10}
            />
            <Field
              ctx={ctx}
              name="ends_on"
              type="date"
              label={t.t('exceptions.to')}
              hint={t.t('exceptions.to_hint')}
              value={exceptionValues.ends_on}
              problems={exceptionProblems}
              maxlength={10}
            />
          </div>
          <fieldset class="checks">
            <legend>{t.html('exceptions.what')}</legend>
            <label class="check">
              <input
                type="radio"
                name="closed"
                value="1"
                checked={exceptionValues.closed !== '0' ? true : undefined}
              />{' '}
              {t.html('exceptions.closed')}
            </label>
            <label class="check">
              <input
                type="radio"
                name="closed"
                value="0"
                checked={exceptionValues.closed === '0' ? true : undefined}
              />{' '}
              {t.html('exceptions.special_hours')}
            </label>
          </fieldset>
          <div class="side-by-side">
            <Field
              ctx={ctx}
              name="opens_at"
              type="time"
              label={t.t('exceptions.opens')}
              value={exceptionValues.opens_at}
              problems={exceptionProblems}
              maxlength={5}
            />
            <Field
              ctx={ctx}
              name="closes_at"
              type="time"
              label={t.t('exceptions.closes')}
              value={exceptionValues.closes_at}
              problems={exceptionProblems}
              maxlength={5}
            />
          </div>
          <fieldset class="languages-side-by-side">
            <legend>{t.html('exceptions.note')}</legend>
            <div class="side-by-side">
              {locales.map((l) => (
                <Field
                  ctx={ctx}
                  name={`note.${l}`}
                  label={languageNames[l]}
                  value={exceptionValues[`note.${l}`]}
                  problems={exceptionProblems}
                  lang={l}
                  maxlength={200}
                />
              ))}
            </div>
          </fieldset>
          <div class="form-actions">
            <button type="submit">{t.html('exceptions.add')}</button>
          </div>
        </form>
      </section>
    </Layout>
  );
}

export interface LocationView {
  id: string;
  name: I18nText | null;
  address: string | null;
  postcode: string | null;
  locality: string | null;
  latitude: number | null;
  longitude: number | null;
  communeNis: string | null;
  accessibility: I18nText | null;
  transport: I18nText | null;
  serviceIds: string[];
}

function LocationForm({
  ctx,
  organisationId,
  location,
  values,
  problems,
  services,
}: {
  ctx: PageContext;
  organisationId: string;
  location?: LocationView;
  values: FormValues;
  problems: FieldProblem[];
  services: { id: string; name: I18nText }[];
}) {
  const { t } = ctx;
  const prefix = location ? `l-${location.id}` : 'new';
  const scoped = problems.map((p) => ({ ...p, field: `${prefix}-${p.field}` }));
  const v = (name: string) => one(values[name]);
  const texts = (field: string, legend: string) => (
    <fieldset class="languages-side-by-side">
      <legend safe>{legend}</legend>
      <div class="side-by-side">
        {locales.map((l) => (
          <Field
            ctx={ctx}
            name={`${prefix}-${field}.${l}`}
            label={languageNames[l]}
            value={v(`${field}.${l}`)}
            problems={scoped}
            lang={l}
            maxlength={1000}
          />
        ))}
      </div>
    </fieldset>
  );
  return (
    <form
      method="post"
      action={`/${ctx.locale}/manage/organisations/${organisationId}/locations`}
      class="form wide"
    >
      <CsrfField ctx={ctx} />
      {location ? <input type="hidden" name="location_id" value={location.id} /> : ''}
      {texts('name', t.t('locations.name'))}
      <Field
        ctx={ctx}
        name={`${prefix}-address`}
        label={t.t('locations.address')}
        hint={t.t('locations.address_hint')}
        value={v('address')}
        problems={scoped}
        maxlength={200}
      />
      <Field
        ctx={ctx}
        name={`${prefix}-postcode`}
        label={t.t('locations.postcode')}
        value={v('postcode')}
        problems={scoped}
        maxlength={4}
      />
      <Field
        ctx={ctx}
        name={`${prefix}-locality`}
        label={t.t('locations.locality')}
        value={v('locality')}
        problems={scoped}
        maxlength={100}
      />
      <div class="side-by-side">
        <Field
          ctx={ctx}
          name={`${prefix}-latitude`}
          label={t.t('locations.latitude')}
          hint={t.t('locations.coordinates_hint')}
          value={v('latitude')}
          problems={scoped}
          maxlength={20}
        />
        <Field
          ctx={ctx}
          name={`${prefix}-longitude`}
          label={t.t('locations.longitude')}
          value={v('longitude')}
          problems={scoped}
          maxlength={20}
        />
      </div>
      {texts('accessibility', t.t('locations.accessibility'))}
      {texts('transport', t.t('locations.transport'))}
      {services.length ? (
        <fieldset class="checks">
          <legend>{t.html('locations.services')}</legend>
          {services.map((s) => (
            <label class="check">
              <input
                type="checkbox"
                name={`${prefix}-services`}
                value={s.id}
                checked={list(values.services).includes(s.id) ? true : undefined}
              />{' '}
              <span safe>{pickText(s.name, ctx.locale)?.text ?? ''}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        ''
      )}
      <div class="form-actions">
        <button type="submit">{location ? t.html('edit.save') : t.html('locations.add')}</button>
      </div>
    </form>
  );
}

export function LocationsPage({
  ctx,
  organisationId,
  name,
  locations,
  services,
  problems = [],
  values = {},
  failedId,
  saved,
}: {
  ctx: PageContext;
  organisationId: string;
  name: I18nText;
  locations: LocationView[];
  services: { id: string; name: I18nText }[];
  problems?: FieldProblem[];
  values?: FormValues;
  failedId?: string;
  saved?: boolean;
}) {
  const { t } = ctx;
  const title = t.t('locations.title', { organisation: pickText(name, ctx.locale)?.text ?? '' });
  const valuesOf = (l: LocationView): FormValues => ({
    ...Object.fromEntries(
      (['name', 'accessibility', 'transport'] as const).flatMap((f) =>
        locales.map((lang) => [`${f}.${lang}`, l[f]?.[lang] ?? '']),
      ),
    ),
    address: l.address ?? '',
    postcode: l.postcode ?? '',
    locality: l.locality ?? '',
    latitude: l.latitude === null ? '' : String(l.latitude),
    longitude: l.longitude === null ? '' : String(l.longitude),
    services: l.serviceIds,
  });
  const prefixOf = failedId === 'new' || !failedId ? 'new' : `l-${failedId}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {saved ? <Notice text={t.t('edit.saved')} /> : ''}
      <ManageLinks ctx={ctx} organisationId={organisationId} />
      <ErrorSummary ctx={ctx} problems={problems.map((p) => ({ ...p, field: `${prefixOf}-${p.field}` }))} />
      {locations.map((l) => (
        <section class="card" aria-labelledby={`h-${l.id}`}>
          <h2 id={`h-${l.id}`} safe>
            {[l.address, l.postcode, l.locality].filter(Boolean).join(', ')}
          </h2>
          {l.communeNis ? '' : <Notice tone="warn" text={t.t('locations.no_position')} />}
          <LocationForm
            ctx={ctx}
            organisationId={organisationId}
            location={l}
            values={failedId === l.id ? values : valuesOf(l)}
            problems={failedId === l.id ? problems : []}
            services={services}
          />
          <form
            method="post"
            action={`/${ctx.locale}/manage/organisations/${organisationId}/locations/${l.id}/delete`}
            class="inline-form"
          >
            <CsrfField ctx={ctx} />
            <button
              type="submit"
              class="secondary"
              aria-label={t.t('members.remove_name', { name: l.address ?? '' })}
            >
              {t.html('members.remove')}
            </button>
          </form>
        </section>
      ))}
      <section class="card" aria-labelledby="h-new-location">
        <h2 id="h-new-location">{t.html('locations.add')}</h2>
        <LocationForm
          ctx={ctx}
          organisationId={organisationId}
          values={failedId === 'new' ? values : {}}
          problems={failedId === 'new' ? problems : []}
          services={services}
        />
      </section>
    </Layout>
  );
}
