// What an organisation says of itself, as both the registration form (membership) and the profile
// form ask it: names (and on the profile a description) in three languages, kind, enterprise
// number, e-mail address and website.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { vocabularyOptions } from '../../../../views/components.tsx';
import { EmailField, Field, Select, UrlField } from '../../../../views/forms.tsx';
import { organisationKinds } from '../../directory.vocabulary.ts';
import { type FormValues, one } from '../listing-forms.ts';
import { TextInLanguages } from '../listing-parts.tsx';

export function OrganisationFields({
  ctx,
  values,
  problems,
  withDescription = false,
  chooseKind,
}: {
  ctx: PageContext;
  values: FormValues;
  problems: FieldProblem[];
  withDescription?: boolean;
  /** The first, empty option of the kind, when none is chosen yet. */
  chooseKind?: string;
}) {
  const { t } = ctx;
  return (
    <>
      <TextInLanguages
        ctx={ctx}
        name="name"
        legend={t.t('directory.register_org.name')}
        hint={t.t('directory.register_org.name_hint')}
        values={values}
        problems={problems}
        maxlength={200}
      />
      {withDescription ? (
        <TextInLanguages
          ctx={ctx}
          name="description"
          legend={t.t('directory.edit.description')}
          hint={t.t('directory.edit.description_hint')}
          values={values}
          problems={problems}
          long
          maxlength={5000}
        />
      ) : (
        ''
      )}
      <Select
        ctx={ctx}
        name="kind"
        label={t.t('directory.register_org.kind')}
        empty={chooseKind}
        options={vocabularyOptions(ctx, 'directory.kind', organisationKinds)}
        value={one(values.kind)}
        problems={problems}
      />
      <Field
        ctx={ctx}
        name="kbo_number"
        label={t.t('directory.register_org.kbo')}
        hint={t.t('directory.register_org.kbo_hint')}
        value={one(values.kbo_number)}
        problems={problems}
        maxlength={20}
      />
      <EmailField
        ctx={ctx}
        label={t.t('directory.register_org.email')}
        value={one(values.email)}
        problems={problems}
      />
      <UrlField
        ctx={ctx}
        name="website"
        label={t.t('directory.register_org.website')}
        value={one(values.website)}
        problems={problems}
      />
    </>
  );
}
