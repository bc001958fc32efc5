import { describe, expect, it } from 'vitest';
import { foldLabel } from './fold-label.ts';

describe('foldLabel', () => {
  it('lowers the case and takes the accents off', () => {
    expect(foldLabel("Revenu d'Intégration")).toBe('revenu d integration');
    expect(foldLabel('CPAS')).toBe('cpas');
    expect(foldLabel('Sécurité Sociale')).toBe('securite sociale');
    expect(foldLabel('crèche')).toBe('creche');
    expect(foldLabel('Ça Übergang naïve')).toBe('ca ubergang naive');
  });

  it('folds a precomposed and a decomposed accent alike', () => {
    expect(foldLabel('e\u0301tranger')).toBe(foldLabel('\u00e9tranger'));
    expect(foldLabel('\u00e9tranger')).toBe('etranger');
  });

  it('collapses and trims spaces, tabs and non-breaking spaces', () => {
    expect(foldLabel('  aide   sociale\t\u00a0urgente  ')).toBe('aide sociale urgente');
  });

  it('reads apostrophes, hyphens and other signs as spaces, as search does; keeps letters without a mark', () => {
    expect(foldLabel("Droit d'asile")).toBe('droit d asile');
    expect(foldLabel('Droit d’asile')).toBe('droit d asile');
    expect(foldLabel('Sans-abri')).toBe(foldLabel('sans abri'));
    expect(foldLabel('CPAS/OCMW (Bruxelles)')).toBe('cpas ocmw bruxelles');
    expect(foldLabel('Œuvre')).toBe('œuvre');
    expect(foldLabel('مساعدة')).toBe('مساعدة');
  });

  it('takes the marks off Arabic too, as the first edition would have: its hamza above a yeh', () => {
    expect(foldLabel('عائلة')).toBe('عايلة');
  });
});
