// What other modules count for an organisation, shown on its public page ("requests fulfilled via
// the exchange", say). The directory is below those modules, so it cannot ask them: each declares
// in its module.ts `organisationFigures`, the directory gathers them at start into
// deps.services.organisationFigures, and the organisation's page asks each. A source must be cheap
// (one indexed query) and gives only public counts.
import type { Executor } from '../../db/client.ts';

export interface OrganisationFigure {
  /** The message key of its label, with {count}: "exchange.figures.requests_fulfilled". */
  key: string;
  count: number;
}

export interface OrganisationFiguresSource {
  readonly name: string;
  /** The organisation's figures (those at zero left out). */
  figures(db: Executor, organisationId: string): Promise<OrganisationFigure[]>;
  /**
   * A value that changes with every committed change of what the figures count (one indexed read):
   * visitors' organisation pages are kept while every source's stays. Without it, they are not kept.
   */
  edition?(db: Executor): Promise<unknown>;
}

declare module '../../http/module-manifest.ts' {
  interface ModuleManifest {
    /** What the module counts on an organisation's public page (organisation-figures.ts). */
    readonly organisationFigures?: readonly OrganisationFiguresSource[];
  }
}

declare module '../../http/deps.ts' {
  interface Services {
    /** Every module's figures for an organisation's page, in module order. */
    organisationFigures: readonly OrganisationFiguresSource[];
  }
}

/** Every source's figures for one organisation, in module order. */
export async function figuresOf(
  db: Executor,
  sources: readonly OrganisationFiguresSource[],
  organisationId: string,
): Promise<OrganisationFigure[]> {
  const all = await Promise.all(sources.map((s) => s.figures(db, organisationId)));
  return all.flat().filter((f) => f.count > 0);
}

/** Every source's edition, in module order; null when some source has none (the page is then made each time). */
export async function figuresEditions(
  db: Executor,
  sources: readonly OrganisationFiguresSource[],
): Promise<unknown[] | null> {
  if (sources.some((s) => !s.edition)) return null;
  return Promise.all(sources.map((s) => s.edition!(db)));
}
