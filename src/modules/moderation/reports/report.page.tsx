// The report form: anyone may say a listing is wrong.
import type { PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { vocabularyOptions } from '../../../views/components.tsx';
import { formFields } from '../../../views/form-fields.tsx';
import { Form, Notice } from '../../../views/forms.tsx';
import { RequestPage } from '../../../views/request-page.tsx';
import { reportReasons } from '../moderation.vocabulary.ts';

const nameOf = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';

export function ReportPage({
  ctx,
  organisation,
  values = {},
  problems = [],
  message,
  sent = false,
}: {
  ctx: PageContext;
  organisation: { id: string; name: I18nText };
  values?: Record<string, string>;
  problems?: FieldProblem[];
  message?: string;
  sent?: boolean;
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
  const title = t.t('moderation.report.title', { organisation: nameOf(ctx, organisation.name) });
  return (
    <RequestPage
      ctx={ctx}
      title={title}
      lead={t.t('moderation.report.lead')}
      sent={Boolean(sent)}
      sentText={t.t('moderation.report.sent')}
      back={{ href: `/${ctx.locale}/organisations/${organisation.id}`, text: t.t('directory.claim.back') }}
    >
      {message ? <Notice text={message} tone="warn" /> : ''}
      <Form
        problems={problems}
        ctx={ctx}
        action={`/${ctx.locale}/organisations/${organisation.id}/report`}
        submit={t.t('moderation.report.submit')}
      >
        {f.choices(
          'reason',
          t.t('moderation.report.reason'),
          vocabularyOptions(ctx, 'moderation.report.reason', reportReasons),
        )}
        {f.area('message', t.t('moderation.report.message'), {
          hint: t.t('moderation.report.message_hint'),
          maxlength: 1000,
        })}
      </Form>
    </RequestPage>
  );
}
