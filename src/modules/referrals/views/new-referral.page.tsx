// The form to refer someone: the person (first name or initials only), the need, the consent.
import { type PageContext } from '../../../http/request-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { type I18nText } from '../../../shared/i18n-text.ts';
import { vocabularyOptions } from '../../../views/components.tsx';
import { formFields } from '../../../views/form-fields.tsx';
import { CsrfField, ErrorSummary, Notice } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import type { Commune, Quartier } from '../../geo/index.ts';
import type { OrganisationBrief, Theme } from '../../directory/index.ts';
import { consentMethods, contactChannels, urgencies } from '../referrals.vocabulary.ts';
import { nameOf } from './referral-parts.tsx';

/** A referral elsewhere after one that did not help: what the form says about what it carries. */
export interface FollowUpForm {
  referralId: string;
  /** False once the person's details were erased: the need and languages could not be carried. */
  carriedNeed: boolean;
}

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
  quartiers,
  languages,
  followUp,
  values = {},
  problems = [],
  status = 'form',
}: {
  ctx: PageContext;
  target: ReferralTarget;
  own: OrganisationBrief[];
  themes: Theme[];
  communes: Commune[];
  quartiers: Quartier[];
  languages: readonly string[];
  followUp?: FollowUpForm;
  values?: Record<string, string | string[]>;
  problems?: FieldProblem[];
  status?: 'form' | 'not_a_referrer' | 'own_organisation';
}) {
  const { t } = ctx;
  const f = formFields(ctx, { values, problems });
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
          {followUp ? (
            <div class="notice" role="note">
              <p>
                {t.html('referrals.elsewhere.form_lead')}{' '}
                <a href={`/${ctx.locale}/referrals/${followUp.referralId}`}>
                  {t.html('referrals.elsewhere.first_referral')}
                </a>
              </p>
              <p>
                {t.html(
                  followUp.carriedNeed
                    ? 'referrals.elsewhere.carried'
                    : 'referrals.elsewhere.carried_anonymous',
                )}
              </p>
              <p>
                <strong>{t.html('referrals.elsewhere.not_carried')}</strong>
              </p>
            </div>
          ) : (
            ''
          )}
          <ErrorSummary ctx={ctx} problems={problems} />
          <form method="post" action={`/${ctx.locale}/referrals/new`} class="form" novalidate>
            <CsrfField ctx={ctx} />
            {followUp ? <input type="hidden" name="follows" value={followUp.referralId} /> : ''}
            {target.service ? <input type="hidden" name="service" value={target.service.id} /> : ''}
            <input type="hidden" name="organisation" value={target.organisation.id} />
            {own.length > 1 || problems.some((p) => p.field === 'from_organisation') ? (
              f.select(
                'from_organisation',
                t.t('referrals.referral_form.from'),
                own.map((o) => ({ value: o.id, label: nameOf(ctx, o.name) })),
              )
            ) : (
              <input type="hidden" name="from_organisation" value={own[0]?.id ?? ''} />
            )}
            <fieldset>
              <legend>{t.html('referrals.referral_form.person')}</legend>
              {f.text('person_name', t.t('referrals.referral_form.person_name'), {
                hint: t.t('referrals.referral_form.person_name_hint'),
                maxlength: 40,
                autocomplete: 'off',
              })}
              {f.choices(
                'languages',
                t.t('referrals.referral_form.languages'),
                languages.map((l) => ({ value: l, label: t.language(l) })),
                { multiple: true },
              )}
              {f.choices(
                'contact_channel',
                t.t('referrals.referral_form.channel'),
                vocabularyOptions(ctx, 'referrals.referral.channel', contactChannels),
              )}
              {f.text('contact_detail', t.t('referrals.referral_form.contact_detail'), {
                hint: t.t('referrals.referral_form.contact_detail_hint'),
                maxlength: 120,
                autocomplete: 'off',
              })}
              {f.select(
                'commune',
                t.t('referrals.referral_form.commune'),
                [
                  ...communes.map((c) => ({ value: c.nis, label: nameOf(ctx, c.name) })),
                  { value: 'outside', label: t.t('referrals.referral_form.commune_outside') },
                ],
                {
                  hint: t.t('referrals.referral_form.commune_hint'),
                  empty: t.t('referrals.referral_form.commune_unknown'),
                },
              )}
              {f.select(
                'quartier',
                t.t('referrals.referral_form.quartier'),
                quartierOptions(ctx, communes, quartiers),
                {
                  hint: t.t('referrals.referral_form.quartier_hint'),
                  empty: t.t('referrals.referral_form.commune_unknown'),
                },
              )}
            </fieldset>
            <fieldset>
              <legend>{t.html('referrals.referral_form.need')}</legend>
              {f.select(
                'theme',
                t.t('referrals.referral_form.theme'),
                themes.map((th) => ({ value: th.code, label: nameOf(ctx, th.name) })),
                { empty: t.t('referrals.referral_form.choose_theme') },
              )}
              {f.area('need', t.t('referrals.referral_form.need_text'), {
                hint: t.t('referrals.referral_form.need_hint'),
                maxlength: 1000,
              })}
              {f.choices(
                'urgency',
                t.t('referrals.referral_form.urgency'),
                vocabularyOptions(ctx, 'referrals.referral.urgency', urgencies),
                { checked: f.checked('urgency').length ? f.checked('urgency') : ['routine'] },
              )}
            </fieldset>
            <fieldset>
              <legend>{t.html('referrals.referral_form.consent')}</legend>
              <p class="hint">{t.html('referrals.referral_form.consent_hint')}</p>
              {f.choices(
                'consent_method',
                t.t('referrals.referral_form.consent_method'),
                vocabularyOptions(ctx, 'referrals.referral.consent_method', consentMethods),
              )}
              {f.area('consent_purpose', t.t('referrals.referral_form.consent_purpose'), {
                maxlength: 300,
                rows: 2,
                value:
                  f.value('consent_purpose') ??
                  t.t('referrals.referral_form.consent_purpose_default', { organisation: to }),
              })}
              {f.text('consent_until', t.t('referrals.referral_form.consent_until'), {
                type: 'date',
                hint: t.t('referrals.referral_form.consent_until_hint'),
              })}
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

/** "Matonge (Ixelles)", by commune and then by quartier, so a quartier is found under its commune. */
function quartierOptions(ctx: PageContext, communes: Commune[], quartiers: Quartier[]) {
  return communes.flatMap((c) =>
    quartiers
      .filter((q) => q.communeNis === c.nis)
      .map((q) => ({ value: String(q.code), label: `${nameOf(ctx, q.name)} (${nameOf(ctx, c.name)})` })),
  );
}
