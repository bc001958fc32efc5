// A practice's PDF attachments: the list on its page (each a link to download it, with its size and
// pages) and the section of its change page where its organisation's members add and remove them.
// Files are at /practice-attachments/{id}.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { pickText } from '../../../shared/i18n-text.ts';
import { formFields, type FormValues } from '../../../views/form-fields.tsx';
import { ErrorSummary, FieldError, Form, Notice, PostButton } from '../../../views/forms.tsx';
import { attachmentLimits } from '../knowledge.vocabulary.ts';
import type { AttachmentSummary } from '../practices/page-data.ts';

export const attachmentPath = (id: string) => `/practice-attachments/${id}`;

/** "240 kB", "1,2 Mo", in the reader's language. */
export function fileSize(ctx: PageContext, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(`${ctx.locale}-BE`, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)));
}

/** The attachment's title in the reader's language (or another, marked), else its file name. */
function nameOf(ctx: PageContext, a: AttachmentSummary) {
  const title = pickText(a.title, ctx.locale);
  return title ? { text: title.text, lang: title.fallback ? title.lang : undefined } : { text: a.fileName };
}

/** "PDF, 1.2 MB, 3 pages". */
const details = (ctx: PageContext, a: AttachmentSummary) =>
  ctx.t.t('knowledge.attachments.details', { size: fileSize(ctx, a.size), pages: a.pageCount });

/** On the practice's page: the files to download. */
export function AttachmentList({ ctx, attachments }: { ctx: PageContext; attachments: AttachmentSummary[] }) {
  if (!attachments.length) return '';
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">{ctx.t.html('knowledge.attachments.title')}</h2>
      <ul class="practice-attachments">
        {attachments.map((a) => {
          const name = nameOf(ctx, a);
          return (
            <li>
              <a href={attachmentPath(a.id)} type="application/pdf">
                <span lang={name.lang} safe>
                  {name.text}
                </span>
              </a>{' '}
              <span class="muted" safe>
                ({details(ctx, a)})
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export interface AttachmentForm {
  values?: FormValues;
  problems?: FieldProblem[];
}

/** On the change page: the attachments with their remove buttons, and the upload form. */
export function AttachmentsSection({
  ctx,
  slug,
  attachments,
  form = {},
  done,
}: {
  ctx: PageContext;
  slug: string;
  attachments: AttachmentSummary[];
  form?: AttachmentForm;
  done?: string;
}) {
  const { t } = ctx;
  const { values = {}, problems = [] } = form;
  const f = formFields(ctx, { values, problems });
  const base = `/${ctx.locale}/practices/${slug}/attachments`;
  const max = attachmentLimits.perPractice;
  const fileProblem = problems.find((p) => p.field === 'attachment');
  const mb = attachmentLimits.maxBytes / (1024 * 1024);
  return (
    // Its own id: the address after an upload or a removal ends in #attachments.
    <section id="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t.html('knowledge.attachments.title')}</h2>
      {done ? <Notice text={done} /> : ''}
      {attachments.length ? (
        <>
          <p>{t.html('knowledge.attachments.count', { count: attachments.length, max })}</p>
          <ul class="attachment-list">
            {attachments.map((a) => {
              const name = nameOf(ctx, a);
              return (
                <li>
                  <a href={attachmentPath(a.id)} lang={name.lang} safe>
                    {name.text}
                  </a>{' '}
                  <span class="muted" safe>
                    {a.fileName} — {details(ctx, a)}
                  </span>{' '}
                  <PostButton
                    ctx={ctx}
                    action={`${base}/${a.id}/delete`}
                    label={t.t('knowledge.attachments.remove')}
                    ariaLabel={t.t('knowledge.attachments.remove_label', { name: name.text })}
                  />
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p class="empty">{t.html('knowledge.attachments.none')}</p>
      )}
      {attachments.length >= max ? (
        <>
          <ErrorSummary ctx={ctx} problems={problems} />
          <p>{t.html('knowledge.attachments.full', { max })}</p>
        </>
      ) : (
        <Form
          ctx={ctx}
          action={base}
          submit={t.t('knowledge.attachments.add')}
          problems={problems}
          upload
          wide
        >
          <div class="field">
            <label for="f-attachment">{t.html('knowledge.attachments.file')}</label>
            <p class="hint" id="f-attachment-hint">
              {t.html('knowledge.attachments.file_hint', { mb, max })}
            </p>
            <FieldError ctx={ctx} id="f-attachment" problem={fileProblem} />
            <input
              id="f-attachment"
              name="attachment"
              type="file"
              accept="application/pdf,.pdf"
              aria-invalid={fileProblem ? 'true' : undefined}
              aria-describedby={fileProblem ? 'f-attachment-hint f-attachment-error' : 'f-attachment-hint'}
            />
          </div>
          {f.inLanguages('attachment_title', t.t('knowledge.attachments.file_title'), {
            maxlength: attachmentLimits.titleLength,
            hint: t.t('knowledge.attachments.file_title_hint'),
          })}
        </Form>
      )}
    </section>
  );
}
