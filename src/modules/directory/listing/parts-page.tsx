// The parts of a listing that come in numbers (contact persons, places): one card per part with its
// form and a remove button, and a card to add one. Every form names its fields with its own prefix
// so one page holds them all; a refused form shows its values and problems again, the others their
// stored values.
import type { Children } from '@kitajs/html';
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { type FormFields, formFields } from '../../../views/form-fields.tsx';
import { ErrorSummary, Form, PostButton } from '../../../views/forms.tsx';
import { type FormValues, partPrefix } from './listing-forms.ts';
import { ListingLayout } from './listing-parts.tsx';

/** What the page of contact persons or of places is given. */
export interface PartsPageProps<T> {
  ctx: PageContext;
  organisationId: string;
  /** The organisation's name, for the title. */
  name: I18nText;
  parts: T[];
  problems?: FieldProblem[];
  values?: FormValues;
  /** The part whose form was refused, or "new". */
  failedId?: string;
  saved?: boolean;
}

export function PartsPage<T extends { id: string }>({
  page: { ctx, organisationId, name, parts, problems = [], values = {}, failedId, saved },
  kind,
  title,
  heading,
  removeName = heading,
  lead,
  note,
  valuesOf,
  fields,
  addTitle,
  scripts,
  styles,
}: {
  page: PartsPageProps<T>;
  kind: 'contacts' | 'locations';
  /** The page's title, given the organisation's name. */
  title: (organisation: string) => string;
  heading: (part: T) => string;
  /** How the remove button names the part for screen readers; its heading unless said. */
  removeName?: (part: T) => string;
  /** A paragraph under the problems, above the cards. */
  lead?: string;
  /** Shown under a part's heading, e.g. a warning. */
  note?: (part: T) => Children;
  valuesOf: (part: T) => FormValues;
  /** The fields of one part's form, named with its prefix; the part itself unless it is the new one. */
  fields: (f: FormFields, part: T | undefined) => Children;
  addTitle: string;
  /** Scripts and styles the forms need (a map), as for `Layout`. */
  scripts?: string[];
  styles?: string[];
}) {
  const { t } = ctx;
  const newId = `h-new-${kind === 'contacts' ? 'contact' : 'location'}`;
  const failedPrefix = partPrefix(kind, failedId);
  const form = (part: T | undefined, values: FormValues, problems: FieldProblem[]) => (
    <Form
      ctx={ctx}
      action={`/${ctx.locale}/manage/organisations/${organisationId}/${kind}`}
      submit={part ? t.t('directory.edit.save') : addTitle}
      wide
      browserChecks
    >
      {part ? (
        <input type="hidden" name={kind === 'contacts' ? 'contact_id' : 'location_id'} value={part.id} />
      ) : (
        ''
      )}
      {fields(formFields(ctx, { values, problems, prefix: partPrefix(kind, part?.id) }), part)}
    </Form>
  );
  return (
    <ListingLayout
      ctx={ctx}
      title={title(pickText(name, ctx.locale)?.text ?? '')}
      organisationId={organisationId}
      saved={saved}
      scripts={scripts}
      styles={styles}
    >
      <ErrorSummary
        ctx={ctx}
        problems={problems.map((p) => ({ ...p, field: `${failedPrefix}-${p.field}` }))}
      />
      {lead ? <p safe>{lead}</p> : ''}
      {parts.map((part) => (
        <section class="card" aria-labelledby={`h-${part.id}`}>
          <h2 id={`h-${part.id}`} safe>
            {heading(part)}
          </h2>
          {note?.(part) ?? ''}
          {failedId === part.id ? form(part, values, problems) : form(part, valuesOf(part), [])}
          <PostButton
            ctx={ctx}
            action={`/${ctx.locale}/manage/organisations/${organisationId}/${kind}/${part.id}/delete`}
            label={t.t('directory.members.remove')}
            ariaLabel={t.t('directory.members.remove_name', { name: removeName(part) })}
          />
        </section>
      ))}
      <section class="card" aria-labelledby={newId}>
        <h2 id={newId} safe>
          {addTitle}
        </h2>
        {failedId === 'new' ? form(undefined, values, problems) : form(undefined, {}, [])}
      </section>
    </ListingLayout>
  );
}
