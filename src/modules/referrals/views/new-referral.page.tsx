// The form to refer someone: the person (first name or initials only), the need, the consent.
import { type PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText } from '../../../shared/i18n-text.ts';
import { vocabularyOptions } from '../../../views/components.tsx';
import { Choices, CsrfField, ErrorSummary, Field, Notice, Select, TextArea } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { Commune } from '../../geo/index.ts';
import type { OrganisationBrief, Theme } from '../../directory/index.ts';
import { consentMethods, contactChannels, urgencies } from '../referrals.vocabulary.ts';
import { nameOf } from './referral-parts.tsx';

export interface ReferralTarget {
  organisation: OrganisationBrief;
  service: { id: string; name: I18nText } | null;
}

export function NewReferralPage({
  ctx,
  target,
  own,
  themes,
  communes,
  languages,
  values = {},
  problems = [],
  status = 'form',
}: {
  ctx: PageContext;
  target: ReferralTarget;
  own: OrganisationBrief[];
  themes: Theme[];
  communes: Commune[];
  languages: readonly string[];
  values?: Record<string, string | string[]>;
  problems?: FieldProblem[];
  status?: 'form' | 'not_a_referrer' | 'own_organisation';
}) {
  const { t } = ctx;
  const value = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const list = (name: string) => {
    const v = values[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const to = nameOf(ctx, target.organisation.name);
  return (
    <Layout ctx={ctx} title={t.t('referrals.referral_form.title', { organisation: to })}>
      <h1>{t.html('referrals.referral_form.title', { organisation: to })}</h1>
      {target.service ? (
        <p class="lead">
          {t.html('referrals.referral_form.for_service', { service: nameOf(ctx, target.service.name) })}
        </p>
      ) : (
        ''
      )}
      {status !== 'form' ? (
        <Notice
          tone="warn"
          text={t.t(
            status === 'own_organisation' ? 'fields.referral_same' : 'referrals.referral_form.not_a_referrer',
          )}
        />
      ) : (
        <>
          <div class="notice warn" role="note">
            <p>{t.html('referrals.referral_form.privacy')}</p>
            <p>
              <strong>{t.html('referrals.referral_form.no_national_number')}</strong>
            </p>
          </div>
          <ErrorSummary ctx={ctx} problems={problems} />
          <form method="post" action={`/${ctx.locale}/referrals/new`} class="form" novalidate>
            <CsrfField ctx={ctx} />
            {target.service ? <input type="hidden" name="service" value={target.service.id} /> : ''}
            <input type="hidden" name="organisation" value={target.organisation.id} />
            {own.length > 1 || problems.some((p) => p.field === 'from_organisation') ? (
              <Select
                ctx={ctx}
                name="from_organisation"
                label={t.t('referrals.referral_form.from')}
                options={own.map((o) => ({ value: o.id, label: nameOf(ctx, o.name) }))}
                value={value('from_organisation')}
                problems={problems}
              />
            ) : (
              <input type="hidden" name="from_organisation" value={own[0]?.id ?? ''} />
            )}
            <fieldset>
              <legend>{t.html('referrals.referral_form.person')}</legend>
              <Field
                ctx={ctx}
                name="person_name"
                label={t.t('referrals.referral_form.person_name')}
                hint={t.t('referrals.referral_form.person_name_hint')}
                value={value('person_name')}
                problems={problems}
                maxlength={40}
                autocomplete="off"
              />
              <Choices
                ctx={ctx}
                name="languages"
                legend={t.t('referrals.referral_form.languages')}
                multiple
                options={languages.map((l) => ({ value: l, label: t.language(l) }))}
                checked={list('languages')}
                problems={problems}
              />
              <Choices
                ctx={ctx}
                name="contact_channel"
                legend={t.t('referrals.referral_form.channel')}
                options={vocabularyOptions(ctx, 'referrals.referral.channel', contactChannels)}
                checked={list('contact_channel')}
                problems={problems}
              />
              <Field
                ctx={ctx}
                name="contact_detail"
                label={t.t('referrals.referral_form.contact_detail')}
                hint={t.t('referrals.referral_form.contact_detail_hint')}
                value={value('contact_detail')}
                problems={problems}
                maxlength={120}
                autocomplete="off"
              />
              <Select
                ctx={ctx}
                name="commune"
                label={t.t('referrals.referral_form.commune')}
                hint={t.t('referrals.referral_form.commune_hint')}
                empty={t.t('referrals.referral_form.commune_unknown')}
                options={[
                  ...communes.map((c) => ({ value: c.nis, label: nameOf(ctx, c.name) })),
                  { value: 'outside', label: t.t('referrals.referral_form.commune_outside') },
                ]}
                value={value('commune')}
                problems={problems}
              />
            </fieldset>
            <fieldset>
              <legend>{t.html('referrals.referral_form.need')}</legend>
              <Select
                ctx={ctx}
                name="theme"
                label={t.t('referrals.referral_form.theme')}
                empty={t.t('referrals.referral_form.choose_theme')}
                options={themes.map((th) => ({ value: th.code, label: nameOf(ctx, th.name) }))}
                value={value('theme')}
                problems={problems}
              />
              <TextArea
                ctx={ctx}
                name="need"
                label={t.t('referrals.referral_form.need_text')}
                hint={t.t('referrals.referral_form.need_hint')}
                value={value('need')}
                maxlength={1000}
                problems={problems}
              />
              <Choices
                ctx={ctx}
                name="urgency"
                legend={t.t('referrals.referral_form.urgency')}
                options={vocabularyOptions(ctx, 'referrals.referral.urgency', urgencies)}
                checked={list('urgency').length ? list('urgency') : ['routine']}
                problems={problems}
              />
            </fieldset>
            <fieldset>
              <legend>{t.html('referrals.referral_form.consent')}</legend>
              <p class="hint">{t.html('referrals.referral_form.consent_hint')}</p>
              <Choices
                ctx={ctx}
                name="consent_method"
                legend={t.t('referrals.referral_form.consent_method')}
                options={vocabularyOptions(ctx, 'referrals.referral.consent_method', consentMethods)}
                checked={list('consent_method')}
                problems={problems}
              />
              <TextArea
                ctx={ctx}
                name="consent_purpose"
                label={t.t('referrals.referral_form.consent_purpose')}
                value={
                  value('consent_purpose') ??
                  t.t('referrals.referral_form.consent_purpose_default', { organisation: to })
                }
                maxlength={300}
                rows={2}
                problems={problems}
              />
              <Field
                ctx={ctx}
                name="consent_until"
                type="date"
                label={t.t('referrals.referral_form.consent_until')}
                hint={t.t('referrals.referral_form.consent_until_hint')}
                value={value('consent_until')}
                problems={problems}
              />
            </fieldset>
            <div class="form-actions">
              <button type="submit" name="intent" value="send">
                {t.html('referrals.referral_form.send')}
              </button>{' '}
              <button type="submit" name="intent" value="draft" class="secondary">
                {t.html('referrals.referral_form.save_draft')}
              </button>
            </div>
          </form>
        </>
      )}
    </Layout>
  );
}
