// Writing up a practice, or changing it: title, summary and story in nl/fr/en (one language is
// enough), the worksheet's three lists (items of the shared lists to tick, new ones one per line),
// themes and communes, the organisations involved, the contact person (public once published) and
// links. A new practice is saved as a draft.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, textIn } from '../../../shared/i18n-text.ts';
import { Breadcrumb } from '../../../views/components.tsx';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { Form } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { practiceLimits, worksheetFields, worksheetKinds } from '../knowledge.vocabulary.ts';
import type { ThemeOption } from '../practices/page-data.ts';
import type { WorksheetItem } from '../practices/worksheet-items.ts';
import type { AttachmentSummary } from '../practices/page-data.ts';
import { type AttachmentForm, AttachmentsSection } from './attachments.tsx';
import { communeOptions, itemOptions, themeOptions } from './parts.tsx';

export type { AttachmentForm };

export interface PracticeFormData {
  organisations: { id: string; name: I18nText }[];
  themes: ThemeOption[];
  items: WorksheetItem[];
  /** The practice being changed, with its attachments. */
  editing?: { slug: string; title: string; attachments: AttachmentSummary[] };
}

export function PracticeFormPage({
  ctx,
  data,
  values = {},
  problems = [],
  attachment,
  done,
}: {
  ctx: PageContext;
  data: PracticeFormData;
  values?: FormValues;
  problems?: FieldProblem[];
  /** The attachment form's values and problems, when it was refused. */
  attachment?: AttachmentForm;
  /** What just happened to the attachments. */
  done?: string;
}) {
  const { t } = ctx;
  const { editing } = data;
  const title = t.t(editing ? 'knowledge.form.edit_title' : 'knowledge.form.new_title');
  const f = formFields(ctx, { values, problems });
  const library = { href: `/${ctx.locale}/practices`, label: t.t('knowledge.library.title') };
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        trail={
          editing
            ? [library, { href: `/${ctx.locale}/practices/${editing.slug}`, label: editing.title }]
            : [library]
        }
        current={title}
      />
      <h1 safe>{title}</h1>
      {data.organisations.length || editing ? (
        <>
          <p>{t.html('knowledge.form.lead')}</p>
          <Form
            ctx={ctx}
            action={
              editing ? `/${ctx.locale}/practices/${editing.slug}/edit` : `/${ctx.locale}/practices/new`
            }
            submit={t.t(editing ? 'knowledge.form.save' : 'knowledge.form.save_draft')}
            problems={problems}
            wide
          >
            {!editing && data.organisations.length > 1
              ? f.select(
                  'organisation',
                  t.t('knowledge.form.organisation'),
                  data.organisations.map((o) => ({ value: o.id, label: textIn(o.name, ctx.locale) })),
                  { empty: t.t('knowledge.form.choose_organisation') },
                )
              : ''}
            {editing ? <input type="hidden" name="version" value={f.value('version')} /> : ''}
            {f.inLanguages('title', t.t('knowledge.form.title'), {
              hint: t.t('knowledge.form.title_hint'),
              maxlength: practiceLimits.title.max,
            })}
            {f.inLanguages('summary', t.t('knowledge.form.summary'), {
              long: true,
              maxlength: practiceLimits.summary.max,
            })}
            {f.inLanguages('story', t.t('knowledge.form.story'), {
              long: true,
              maxlength: practiceLimits.story.max,
            })}
            {worksheetKinds.map((kind) => {
              const field = worksheetFields[kind];
              const options = itemOptions(ctx, data.items, kind);
              return (
                <fieldset class="worksheet-field" id={`f-list-${field}`}>
                  <legend>{t.html(`knowledge.kind.${kind}`)}</legend>
                  {f.choices(field, t.t('knowledge.form.chosen'), options, { multiple: true })}
                  {f.area(`new_${field}`, t.t('knowledge.form.new_items'), {
                    maxlength: 3_000,
                    rows: 3,
                    hint: t.t('knowledge.form.new_items_hint'),
                  })}
                </fieldset>
              );
            })}
            {f.choices('themes', t.t('knowledge.form.themes'), themeOptions(ctx, data.themes), {
              multiple: true,
            })}
            {f.choices('communes', t.t('knowledge.form.communes'), communeOptions(ctx), { multiple: true })}
            {f.area('organisations', t.t('knowledge.form.organisations'), {
              maxlength: 5_000,
              rows: 3,
              hint: t.t('knowledge.form.organisations_hint'),
            })}
            <fieldset class="practice-contact">
              <legend>{t.html('knowledge.form.contact')}</legend>
              <p class="hint">{t.html('knowledge.form.contact_public')}</p>
              {f.text('contact_name', t.t('knowledge.form.contact_name'), {
                maxlength: practiceLimits.contactName,
              })}
              {f.text('contact_way', t.t('knowledge.form.contact_way'), {
                maxlength: practiceLimits.contactWay,
              })}
            </fieldset>
            {f.area('links', t.t('knowledge.form.links'), {
              maxlength: 6_000,
              rows: 3,
              hint: t.t('knowledge.form.links_hint'),
            })}
          </Form>
          {editing ? (
            <AttachmentsSection
              ctx={ctx}
              slug={editing.slug}
              attachments={editing.attachments}
              form={attachment}
              done={done}
            />
          ) : (
            ''
          )}
        </>
      ) : (
        <p class="notice warn">{t.html('knowledge.form.members_only')}</p>
      )}
    </Layout>
  );
}
