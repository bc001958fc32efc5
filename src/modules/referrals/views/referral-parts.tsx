// What the referral pages share: names in the reader's language, the status badge, the theme.
import { type PageContext } from '../../../http/request-context.ts';
import { type I18nText, locales, pickText } from '../../../shared/i18n-text.ts';
import { label } from '../../../views/components.tsx';
import { type ReferralStatus } from '../referrals.vocabulary.ts';

export const nameOf = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: ReferralStatus }) {
  return (
    <span class={`status status-${status}`} safe>
      {label(ctx, 'referrals.referral.status', status)}
    </span>
  );
}

/** The theme in all three languages, so both sides read the same need whatever their language. */
export function ThemeNames({ name }: { name: I18nText }) {
  return (
    <span class="theme-names">
      {locales.map((l, i) =>
        name[l] ? (
          <>
            {i ? ' · ' : ''}
            <span lang={l} safe>
              {name[l]}
            </span>
          </>
        ) : (
          ''
        ),
      )}
    </span>
  );
}
