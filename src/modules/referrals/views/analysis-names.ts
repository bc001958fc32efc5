// How the analysis names its rows and columns in the reader's language: one set of names for the
// page and for its CSV export, so both say the same thing.
import type { PageContext } from '../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../shared/i18n-text.ts';
import { label } from '../../../views/components.tsx';

export type Namer = (key: string) => string;

export interface AnalysisPlaces {
  communes: Map<string, I18nText>;
  /** Quartier code → its name and its commune's NIS code. */
  quartiers: Map<string, { name: I18nText; communeNis: string }>;
}

export interface AnalysisNamers {
  kind: Namer;
  theme: Namer;
  commune: Namer;
  quartier: Namer;
  month: Namer;
  unmet: Namer;
}

export function analysisNamers(
  ctx: PageContext,
  {
    themes,
    places,
    monthInProgress,
  }: { themes: Map<string, I18nText>; places: AnalysisPlaces; monthInProgress: string },
): AnalysisNamers {
  const { t } = ctx;
  const name = (text: I18nText | undefined, fallback: string) =>
    (text && pickText(text, ctx.locale)?.text) || fallback;
  const commune: Namer = (nis) =>
    nis === 'unknown'
      ? t.t('referrals.analysis.commune_unknown')
      : nis === 'outside'
        ? t.t('referrals.analysis.commune_outside')
        : name(places.communes.get(nis), nis);
  const monthName: Namer = (m) => t.month(m, 'long');
  return {
    kind: (k) => label(ctx, 'directory.kind', k),
    theme: (code) => name(themes.get(code), code),
    commune,
    quartier: (key) => {
      const [type, code = ''] = key.split(':');
      if (type === 'n') return t.t('referrals.analysis.quartier_not_given', { commune: commune(code) });
      const quartier = places.quartiers.get(code);
      return quartier ? `${name(quartier.name, code)} (${commune(quartier.communeNis)})` : code;
    },
    month: (m) =>
      m === 'so_far'
        ? t.t('referrals.analysis.month_so_far', { month: monthName(monthInProgress) })
        : monthName(m),
    unmet: (k) => (k === 'sent' ? t.t('referrals.analysis.sent') : label(ctx, 'referrals.analysis.unmet', k)),
  };
}
