// Form parts shared by every form: a field with its label and hint, the anti-forgery token, notices;
// how a refused form says what is wrong is in form-errors.tsx (re-exported here).
import type { Children } from '@kitajs/html';
import type { PageContext } from '../http/request-context.ts';
import type { FieldProblem } from '../shared/errors.ts';
import { ErrorSummary, FieldError, fieldMessage } from './form-errors.tsx';

export { ErrorSummary, FieldError, fieldMessage };

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken()} />;
}

/** What every labelled control takes: its name, label, value, hint, and the problems of a refused form. */
interface ControlProps {
  ctx: PageContext;
  name: string;
  label: string;
  value?: string;
  hint?: string;
  problems?: FieldProblem[];
}

export interface FieldProps extends ControlProps {
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'date' | 'time' | 'datetime-local';
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  lang?: string;
  /** "rtl" for Arabic. */
  dir?: 'rtl';
}

export function Field({
  ctx,
  name,
  label,
  type = 'text',
  value,
  hint,
  problems = [],
  required,
  autocomplete,
  maxlength,
  lang,
  dir,
}: FieldProps) {
  const { id, problem, describedBy } = fieldParts(name, hint, problems);
  return (
    <LabelledField ctx={ctx} id={id} label={label} hint={hint} problem={problem} required={required}>
      <input
        id={id}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        required={required}
        autocomplete={autocomplete}
        maxlength={maxlength === undefined ? undefined : String(maxlength)}
        lang={lang}
        dir={dir}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </LabelledField>
  );
}

/**
 * A posted form: its anti-forgery token, its fields, and at the end the button that sends it, with
 * `actions` beside it (a second button, a link). The server checks every field and explains in
 * the reader's language, so the browser's own checks are off unless `browserChecks` is set.
 */
export function Form({
  ctx,
  action,
  submit,
  actions,
  browserChecks = false,
  wide = false,
  danger = false,
  upload = false,
  problems,
  children,
}: {
  ctx: PageContext;
  action: string;
  submit: string;
  actions?: Children;
  browserChecks?: boolean;
  /** Across the page's width, for forms with text in several languages side by side. */
  wide?: boolean;
  /** The button does what cannot be undone (withdrawing consent). */
  danger?: boolean;
  /** The form sends a file (a FileField), as multipart/form-data. */
  upload?: boolean;
  /** A refused form's problems, summed up above it. */
  problems?: FieldProblem[];
  children?: Children;
}) {
  return (
    <>
      {problems ? <ErrorSummary ctx={ctx} problems={problems} /> : ''}
      <form
        method="post"
        action={action}
        class={wide ? 'form wide' : 'form'}
        enctype={upload ? 'multipart/form-data' : undefined}
        novalidate={browserChecks ? undefined : true}
      >
        <CsrfField ctx={ctx} />
        {children}
        <div class="form-actions">
          <button type="submit" class={danger ? 'danger' : undefined} safe>
            {submit}
          </button>
          {actions}
        </div>
      </form>
    </>
  );
}

/**
 * A form that is one button: an action on one thing (remove, resolve, verify, revoke), posted with
 * its anti-forgery token and any hidden values. `label` is plain text; `ariaLabel` names the thing
 * when several such buttons share a page.
 */
export function PostButton({
  ctx,
  action,
  label,
  ariaLabel,
  hidden = {},
  secondary = true,
  formClass = 'inline-form',
}: {
  ctx: PageContext;
  action: string;
  label: string;
  ariaLabel?: string;
  hidden?: Record<string, string>;
  secondary?: boolean;
  formClass?: string;
}) {
  return (
    <form method="post" action={action} class={formClass}>
      <CsrfField ctx={ctx} />
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={secondary ? 'secondary' : undefined} aria-label={ariaLabel} safe>
        {label}
      </button>
    </form>
  );
}

/** A message about what just happened ("your address is confirmed"), announced to screen readers. */
export function Notice({ text, tone = 'ok' }: { text: string; tone?: 'ok' | 'warn' }) {
  return (
    <p class={tone === 'ok' ? 'notice' : 'notice warn'} role="status" safe>
      {text}
    </p>
  );
}

/** A field's id, its problem if any, and what describes it (hint, error) for screen readers. */
function fieldParts(name: string, hint: string | undefined, problems: FieldProblem[]) {
  const id = `f-${name}`;
  const problem = problems.find((p) => p.field === name);
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, problem, describedBy: describedBy || undefined };
}

function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <p class="hint" id={`${id}-hint`} safe>
      {hint}
    </p>
  ) : (
    ''
  );
}

/** Label, hint and error above a control. */
function LabelledField({
  ctx,
  id,
  label,
  hint,
  problem,
  required,
  children,
}: {
  ctx: PageContext;
  id: string;
  label: string;
  hint?: string;
  problem: FieldProblem | undefined;
  required?: boolean;
  children: JSX.Element;
}) {
  return (
    <div class="field">
      <label for={id}>
        <span safe>{label}</span>
        {required ? <span class="visually-hidden"> ({ctx.t.html('form.required')})</span> : ''}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError ctx={ctx} id={id} problem={problem} />
      {children}
    </div>
  );
}

/** Radio buttons (one choice) or checkboxes (several), in a fieldset whose legend asks the question. */
export function Choices({
  ctx,
  name,
  legend,
  options,
  checked,
  multiple = false,
  hint,
  problems = [],
}: {
  ctx: PageContext;
  name: string;
  legend: string;
  /** Value and label of each option. */
  options: readonly { value: string; label: string; lang?: string }[];
  checked: readonly string[];
  multiple?: boolean;
  hint?: string;
  problems?: FieldProblem[];
}) {
  const { id, problem, describedBy } = fieldParts(name, hint, problems);
  return (
    <fieldset class="checks" id={id} tabindex="-1" aria-describedby={describedBy}>
      <legend safe>{legend}</legend>
      <Hint id={id} hint={hint} />
      <FieldError ctx={ctx} id={id} problem={problem} />
      {options.map((o) => (
        <label class="check">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={name}
            value={o.value}
            checked={checked.includes(o.value) ? true : undefined}
          />{' '}
          <span lang={o.lang} safe>
            {o.label}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function Select({
  ctx,
  name,
  label,
  options,
  value,
  empty,
  hint,
  problems = [],
}: ControlProps & {
  options: readonly { value: string; label: string }[];
  /** The label of a first, empty option ("choose…"). */
  empty?: string;
}) {
  const { id, problem, describedBy } = fieldParts(name, hint, problems);
  return (
    <LabelledField ctx={ctx} id={id} label={label} hint={hint} problem={problem}>
      <select id={id} name={name} aria-invalid={problem ? 'true' : undefined} aria-describedby={describedBy}>
        <Options options={options} value={value} empty={empty} />
      </select>
    </LabelledField>
  );
}

/** The options of a select, the one of `value` selected; first an empty one labelled `empty`, if given. */
export function Options({
  options,
  value,
  empty,
}: {
  options: readonly { value: string; label: string }[];
  value: string | undefined;
  empty?: string;
}) {
  return (
    <>
      {empty !== undefined ? (
        <option value="" safe>
          {empty}
        </option>
      ) : (
        ''
      )}
      {options.map((o) => (
        <option value={o.value} selected={o.value === value ? true : undefined} safe>
          {o.label}
        </option>
      ))}
    </>
  );
}

export function TextArea({
  ctx,
  name,
  label,
  value,
  hint,
  maxlength,
  rows = 4,
  lang,
  dir,
  problems = [],
}: ControlProps & {
  maxlength: number;
  rows?: number;
  /** The language of the text, when a form asks for one per language. */
  lang?: string;
  /** "rtl" for Arabic. */
  dir?: 'rtl';
}) {
  const { id, problem, describedBy } = fieldParts(name, hint, problems);
  return (
    <LabelledField ctx={ctx} id={id} label={label} hint={hint} problem={problem}>
      <textarea
        id={id}
        name={name}
        rows={String(rows)}
        maxlength={String(maxlength)}
        lang={lang}
        dir={dir}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy}
        safe
      >
        {value ?? ''}
      </textarea>
    </LabelledField>
  );
}
