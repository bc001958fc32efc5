// The fields of one form, bound once to what was posted and what was refused: a page writes
// `f.text('phone', label, { maxlength: 30 })` instead of passing the context, the value and the
// problems to every field. On a page with several forms of one kind (a listing's contact persons),
// `prefix` keeps each form's field names and ids apart.
import type { PageContext } from '../http/request-context.ts';
import type { FieldProblem } from '../shared/errors.ts';
import { type FormValues, list, one } from '../shared/form-values.ts';
import { locales } from '../shared/i18n-text.ts';
import { languageNames } from './components.tsx';
import { Choices, Field, type FieldProps, fieldMessage, Select, TextArea } from './forms.tsx';

export type { FormValues } from '../shared/form-values.ts';

type Option = { value: string; label: string; lang?: string };
type FieldOptions = Omit<FieldProps, 'ctx' | 'name' | 'label' | 'problems'>;

export function formFields(
  ctx: PageContext,
  { values = {}, problems = [], prefix }: { values?: FormValues; problems?: FieldProblem[]; prefix?: string },
) {
  const named = (name: string) => (prefix ? `${prefix}-${name}` : name);
  // A refused field is named as the handler checked it; on the page it carries the form's prefix.
  const refused = prefix ? problems.map((p) => ({ ...p, field: named(p.field) })) : problems;
  const value = (name: string) => one(values[name]);
  const bound = (name: string) => ({ ctx, name: named(name), problems: refused });
  /** A text's three languages, the reader's own first (a French reader fills in French first). */
  const readerFirst = [ctx.locale, ...locales.filter((l) => l !== ctx.locale)];

  const text = (name: string, label: string, options: FieldOptions = {}) => (
    <Field {...bound(name)} label={label} value={value(name)} {...options} />
  );
  const area = (
    name: string,
    label: string,
    options: { maxlength: number; hint?: string; rows?: number; lang?: string; dir?: 'rtl'; value?: string },
  ) => <TextArea {...bound(name)} label={label} value={value(name)} {...options} />;

  return {
    value,
    checked: (name: string) => list(values[name]),
    text,
    area,
    /** An e-mail address (a person's or an organisation's), as long as addresses can be. */
    email: (label: string, options: FieldOptions = {}, name = 'email') =>
      text(name, label, { ...options, type: 'email', maxlength: 254 }),
    url: (name: string, label: string, options: FieldOptions = {}) =>
      text(name, label, { ...options, type: 'url', maxlength: 500 }),
    select: (
      name: string,
      label: string,
      options: readonly Option[],
      { empty, hint }: { empty?: string; hint?: string } = {},
    ) => (
      <Select
        {...bound(name)}
        label={label}
        options={options}
        value={value(name)}
        empty={empty}
        hint={hint}
      />
    ),
    /** Radio buttons, or checkboxes when `multiple`. */
    choices: (
      name: string,
      legend: string,
      options: readonly Option[],
      { multiple, hint, checked }: { multiple?: boolean; hint?: string; checked?: readonly string[] } = {},
    ) => (
      <Choices
        {...bound(name)}
        legend={legend}
        options={options}
        multiple={multiple}
        hint={hint}
        checked={checked ?? list(values[name])}
      />
    ),
    /**
     * One text in nl, fr and en side by side ("name.nl", ...), the reader's language first; a
     * textarea each when `long`.
     */
    inLanguages: (
      name: string,
      legend: string,
      { hint, long = false, maxlength }: { hint?: string; long?: boolean; maxlength: number },
    ) => {
      const whole = refused.find((p) => p.field === named(name));
      return (
        <fieldset class="languages-side-by-side" id={`f-${named(name)}`}>
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
            {readerFirst.map((l) =>
              long
                ? area(`${name}.${l}`, languageNames[l], {
                    rows: 6,
                    lang: l,
                    maxlength,
                    value: value(`${name}.${l}`) ?? '',
                  })
                : text(`${name}.${l}`, languageNames[l], {
                    lang: l,
                    maxlength,
                    value: value(`${name}.${l}`) || undefined,
                  }),
            )}
          </div>
        </fieldset>
      );
    },
  };
}

export type FormFields = ReturnType<typeof formFields>;
