// What the referral pages share: names in the reader's language, the status badge, the theme.
import { type PageContext } from '../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { label, Localized } from '../../../views/components.tsx';
import { type ReferralStatus } from '../referrals.vocabulary.ts';

export const nameOf = (ctx: PageContext, name: I18nText) => pickText(name, ctx.locale)?.text ?? '';

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: ReferralStatus }) {
  return (
    <span class={`status status-${status}`} safe>
      {label(ctx, 'referrals.referral.status', status)}
    </span>
  );
}

/**
 * The theme in the reader's language; another language (marked as such) only when it has no name in
 * the reader's. Both sides still read the same need: the theme is one code, named in each reader's own.
 */
export function ThemeName({ ctx, name }: { ctx: PageContext; name: I18nText }) {
  return (
    <span class="theme-name">
      <Localized ctx={ctx} value={name} />
    </span>
  );
}
