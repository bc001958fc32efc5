// What an organisation says of itself, as both the registration form (membership) and the profile
// form ask it: names (and on the profile a description) in three languages, kind, enterprise
// number, e-mail address and website.
import type { PageContext } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { vocabularyOptions } from '../../../../views/components.tsx';
import { type FormValues, formFields } from '../../../../views/form-fields.tsx';
import { organisationKinds } from '../../directory.vocabulary.ts';

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
  const f = formFields(ctx, { values, problems });
  return (
    <>
      {f.inLanguages('name', t.t('directory.register_org.name'), {
        hint: t.t('directory.register_org.name_hint'),
        maxlength: 200,
      })}
      {withDescription
        ? f.inLanguages('description', t.t('directory.edit.description'), {
            hint: t.t('directory.edit.description_hint'),
            long: true,
            maxlength: 5000,
          })
        : ''}
      {f.select(
        'kind',
        t.t('directory.register_org.kind'),
        vocabularyOptions(ctx, 'directory.kind', organisationKinds),
        {
          empty: chooseKind,
        },
      )}
      {f.text('kbo_number', t.t('directory.register_org.kbo'), {
        hint: t.t('directory.register_org.kbo_hint'),
        maxlength: 20,
      })}
      {f.email(t.t('directory.register_org.email'))}
      {f.url('website', t.t('directory.register_org.website'))}
    </>
  );
}
