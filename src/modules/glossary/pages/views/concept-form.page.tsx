// A moderator's form for a concept, new or changed: per language (the reader's first, Arabic last)
// the preferred word, the other words one per line with the sector that uses them, and the
// definition; then the wider and related concepts by slug, and a note for the history.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { Breadcrumb } from '../../../../views/components.tsx';
import { type FormValues, formFields } from '../../../../views/form-fields.tsx';
import { Form } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import { glossaryLimits } from '../../glossary.vocabulary.ts';
import { titleOrder } from '../concept-title.ts';
import { languageName } from './glossary-parts.tsx';

export function ConceptFormPage({
  ctx,
  editing,
  values,
  problems = [],
}: {
  ctx: PageContext;
  /** The concept changed, or null for a new one. */
  editing: { slug: string; title: string } | null;
  values: FormValues;
  problems?: FieldProblem[];
}) {
  const { t } = ctx;
  const title = editing
    ? t.t('glossary.edit.title', { word: editing.title })
    : t.t('glossary.edit.new_title');
  const f = formFields(ctx, { values, problems });
  const trail = [{ href: `/${ctx.locale}/glossary`, label: t.t('glossary.title') }];
  if (editing) trail.push({ href: `/${ctx.locale}/glossary/${editing.slug}`, label: editing.title });
  const required = new Set(['nl', 'fr', 'en']);
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={trail} current={editing ? t.t('glossary.edit.short') : title} />
      <h1 safe>{title}</h1>
      <p class="lead">{t.html('glossary.edit.lead')}</p>
      <Form
        ctx={ctx}
        action={editing ? `/${ctx.locale}/glossary/${editing.slug}/edit` : `/${ctx.locale}/glossary/new`}
        submit={t.t('glossary.edit.save')}
        problems={problems}
        actions={
          <a href={editing ? `/${ctx.locale}/glossary/${editing.slug}` : `/${ctx.locale}/glossary`}>
            {t.html('glossary.edit.cancel')}
          </a>
        }
      >
        {editing ? <input type="hidden" name="version" value={f.value('version')} /> : ''}
        {titleOrder[ctx.locale].map((language) => {
          const dir = language === 'ar' ? ('rtl' as const) : undefined;
          return (
            <fieldset class="languages-side-by-side">
              <legend safe>
                {required.has(language)
                  ? languageName(ctx, language)
                  : t.t('glossary.edit.optional_language', { language: languageName(ctx, language) })}
              </legend>
              {f.text(`preferred.${language}`, t.t('glossary.edit.preferred'), {
                maxlength: glossaryLimits.labelLength,
                lang: language,
                dir,
              })}
              {f.area(`synonyms.${language}`, t.t('glossary.edit.synonyms'), {
                maxlength: 10_000,
                rows: 4,
                lang: language,
                dir,
                hint: t.t('glossary.edit.words_hint'),
              })}
              {f.area(`abbreviations.${language}`, t.t('glossary.edit.abbreviations'), {
                maxlength: 2_000,
                rows: 2,
                lang: language,
                dir,
                hint: t.t('glossary.edit.abbreviations_hint'),
              })}
              {f.area(`definitions.${language}`, t.t('glossary.edit.definition'), {
                maxlength: glossaryLimits.definitionLength,
                rows: 4,
                lang: language,
                dir,
              })}
            </fieldset>
          );
        })}
        {f.area('broader', t.t('glossary.edit.broader'), {
          maxlength: 2_000,
          rows: 2,
          hint: t.t('glossary.edit.links_hint', { max: glossaryLimits.broader }),
        })}
        {f.area('related', t.t('glossary.edit.related'), {
          maxlength: 4_000,
          rows: 3,
          hint: t.t('glossary.edit.links_hint', { max: glossaryLimits.related }),
        })}
        {f.text('note', t.t('glossary.edit.note'), { maxlength: 500, hint: t.t('glossary.edit.note_hint') })}
      </Form>
    </Layout>
  );
}
