// An attempt to recover a hidden count of the evidence map from what it publishes: by subtraction
// along each total (quartiers of a commune, themes, sources) and by comparing overlapping periods.
// The same attempt runs on the HTTP API (evidence.api.test.ts) and on a cube protected by primary
// suppression only (suppression.test.ts), where it must succeed, so the attempt itself is shown to work.

/** What GET /api/v1/evidence answers (its `data`), as far as the attempt reads it. */
export interface EvidenceAnswer {
  total: { count: number | null };
  places: { level: string; code: string; commune: string | null; count: number | null }[];
  themes: { theme: string; count: number | null }[];
  sources: { source: string; count: number | null }[];
}

export type Ask = (filter: Record<string, string>) => Promise<EvidenceAnswer>;

export interface Target {
  quartier: number;
  commune: string;
  theme: string;
  source: string;
  /** The month whose small count is sought, and two later months of the same quarter. */
  month: string;
  next: [string, string];
}

const sum = (values: (number | null)[]) =>
  values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + b!, 0);

/** Every value the attempt could work out for the target's cell, with how. Empty when it failed. */
export async function attemptRecovery(ask: Ask, target: Target): Promise<string[]> {
  const found: string[] = [];
  const at = { quartier: String(target.quartier), theme: target.theme, source: target.source };
  const month = { from: target.month, to: target.month };
  const [second, third] = target.next;
  const note = (how: string, value: number | null) => {
    if (value !== null) found.push(`${how}: ${value}`);
  };

  // Asked outright.
  note('the cell itself', (await ask({ ...at, ...month })).total.count);

  // Overlapping periods: the quarter minus its later months, asked as one period and as two.
  const quarter = (await ask({ ...at, from: target.month, to: third })).total.count;
  const later = (await ask({ ...at, from: second, to: third })).total.count;
  note('[month..third] - [second..third]', quarter === null || later === null ? null : quarter - later);
  const each = sum([
    (await ask({ ...at, from: second, to: second })).total.count,
    (await ask({ ...at, from: third, to: third })).total.count,
  ]);
  note('[month..third] - second - third', quarter === null || each === null ? null : quarter - each);
  const firstTwo = (await ask({ ...at, from: target.month, to: second })).total.count;
  const secondOnly = (await ask({ ...at, from: second, to: second })).total.count;
  note('[month..second] - second', firstTwo === null || secondOnly === null ? null : firstTwo - secondOnly);

  // The commune's total minus its other places (its quartiers and "quartier not known").
  const commune = await ask({
    commune: target.commune,
    theme: target.theme,
    source: target.source,
    ...month,
  });
  const others = commune.places.filter(
    (p) =>
      (p.level === 'quartier' || p.level === 'unknown') &&
      !(p.level === 'quartier' && p.code === at.quartier),
  );
  const othersSum = sum(others.map((p) => p.count));
  note(
    'commune - other places',
    commune.total.count === null || othersSum === null ? null : commune.total.count - othersSum,
  );

  // All themes minus the other themes, and all sources minus the other sources.
  const allThemes = await ask({ quartier: at.quartier, source: target.source, ...month });
  const otherThemes = sum(allThemes.themes.filter((t) => t.theme !== target.theme).map((t) => t.count));
  note(
    'all themes - other themes',
    allThemes.total.count === null || otherThemes === null ? null : allThemes.total.count - otherThemes,
  );
  const allSources = await ask({ quartier: at.quartier, theme: target.theme, ...month });
  const otherSources = sum(allSources.sources.filter((s) => s.source !== target.source).map((s) => s.count));
  note(
    'all sources - other sources',
    allSources.total.count === null || otherSources === null ? null : allSources.total.count - otherSources,
  );
  return found;
}

/**
 * The reviewer's chained attack (issue 13's review): in a commune whose quartier 14 and "quartier
 * not known" have signals only in the first quarter and in April, the commune's first quarter
 * minus quartier 62's first quarter minus (quartier 14's year + "not known"'s year - the commune's
 * April) leaves quartier 15's first quarter, which secondary suppression hides, and which no single
 * relation gives away. Five published numbers: the value worked out, and the numbers used.
 */
export async function chainedRecovery(
  ask: Ask,
  at: { commune: string; year: string },
): Promise<{ value: number | null; terms: (number | null)[] }> {
  const signals = { source: 'signals' };
  const period = (from: string, to: string) => ({ from: `${at.year}-${from}`, to: `${at.year}-${to}` });
  const q14Year = (await ask({ ...signals, quartier: '14', ...period('01', '12') })).total.count;
  const communeYear = await ask({ ...signals, commune: at.commune, ...period('01', '12') });
  const unknownYear = communeYear.places.find((p) => p.level === 'unknown' && p.code === at.commune)!.count;
  const communeApril = (await ask({ ...signals, commune: at.commune, ...period('04', '04') })).total.count;
  const communeQ1 = await ask({ ...signals, commune: at.commune, ...period('01', '03') });
  const q62Q1 = communeQ1.places.find((p) => p.level === 'quartier' && p.code === '62')!.count;
  const terms = [communeQ1.total.count, q62Q1, q14Year, unknownYear, communeApril];
  const [a, b, c, d, e] = terms;
  const value = terms.some((t) => t === null) ? null : a! - b! - (c! + d! - e!);
  return { value, terms };
}
