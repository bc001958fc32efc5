// The form to register for one date of an event: a name and an e-mail address (a signed-in person's
// own, shown and not to be changed). Instead of the form: why registration is closed, the members-
// only rule with a way to log in, or the signed-in person's own registration with a cancel button.
import type { PageContext } from '../../../../http/request-context.ts';
import { pickText } from '../../../../shared/i18n-text.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { label } from '../../../../views/components.tsx';
import { Field, Form, Notice, PostButton } from '../../../../views/forms.tsx';
import { Layout } from '../../../../views/layout.tsx';
import type { RegisterPageData } from '../page-data.ts';
import { DateSummary } from './date-summary.tsx';

export function RegisterPage({
  ctx,
  data,
  values = {},
  problems,
  message,
  done,
}: {
  ctx: PageContext;
  data: RegisterPageData;
  values?: { name?: string; email?: string };
  problems?: FieldProblem[];
  /** A refusal that is not about one field (already registered, closed, too many tries). */
  message?: string;
  done?: string;
}) {
  const { t } = ctx;
  const { event, date } = data;
  const title = pickText(event.title, ctx.locale)?.text ?? '';
  const eventPath = `/${ctx.locale}/events/${event.id}`;
  const here = `${eventPath}/dates/${date.id}/register`;
  const heading = t.t('network.registration.title', { event: title });
  let body: JSX.Element;
  if (data.own)
    body = (
      <>
        <p safe>
          {t.t('network.registration.own', {
            status: label(ctx, 'network.registration.status', data.own.status),
          })}
        </p>
        <PostButton ctx={ctx} action={`${here}/cancel`} label={t.t('network.registration.cancel')} />
      </>
    );
  else if (data.closed === 'closed') body = <p safe>{t.t('network.errors.REGISTRATION_CLOSED')}</p>;
  else if (data.closed === 'members_only')
    body = (
      <>
        <p safe>{t.t('network.registration.members_only')}</p>
        {ctx.user ? (
          ''
        ) : (
          <p>
            <a href={`/${ctx.locale}/login?next=${encodeURIComponent(here)}`} safe>
              {t.t('network.registration.log_in')}
            </a>
          </p>
        )}
      </>
    );
  else
    body = (
      <>
        {message ? <Notice text={message} tone="warn" /> : ''}
        <Form ctx={ctx} action={here} submit={t.t('network.registration.submit')} problems={problems}>
          <Field
            ctx={ctx}
            name="name"
            label={t.t('network.registration.name')}
            value={values.name ?? ctx.user?.name ?? ''}
            autocomplete="name"
            maxlength={200}
            problems={problems}
            required
          />
          {ctx.user ? (
            <p safe>{t.t('network.registration.your_address', { email: ctx.user.email })}</p>
          ) : (
            <Field
              ctx={ctx}
              name="email"
              type="email"
              label={t.t('network.registration.email')}
              hint={t.t('network.registration.email_hint')}
              value={values.email ?? ''}
              autocomplete="email"
              problems={problems}
              required
            />
          )}
        </Form>
      </>
    );
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={eventPath} safe>
          {title}
        </a>
      </p>
      <h1 safe>{heading}</h1>
      {done ? <Notice text={done} /> : ''}
      <DateSummary ctx={ctx} date={date} capacity={event.capacity} />
      {body}
    </Layout>
  );
}
