// The directory's lists drawn from this process's search index rather than from PostgreSQL: the
// directory page and /api/v1/organisations (organisations by name in the reader's language) and
// /api/v1/services (services by id). Once per index version the directory's documents are grouped by
// organisation and put in order for each language; a list for some filters is then one pass over
// that order, kept while the version holds. A page is a slice of it and its total is its length: no
// count(*) and no OFFSET in the database, at any depth; only the page's rows are read, by id.
import type { Locale } from '../../../shared/i18n-text.ts';
import type { Slices } from '../../../shared/slices.ts';
import type { LiveSearchIndex, IndexedDoc } from '../../search/index.ts';
import type { DirectoryFilters } from '../directory.repo.ts';
import { directorySearchSource } from '../search/directory-source.ts';
import {
  byFacet,
  byNameThenId,
  type Edition,
  editionInSteps,
  type Facet,
  type FacetList,
  facetListsKey,
  facets,
  keptListsBytes,
  nextEdition,
  type OrganisationEntry,
  type OrganisationList,
} from './edition.ts';

export { keptListsBytes, listBytes, type OrganisationList } from './edition.ts';

/** The one facet the filters choose a value of, if they choose nothing else (kind included). */
function onlyFacet(filters: DirectoryFilters): Facet | undefined {
  if (filters.kind) return undefined;
  const chosen = facets.filter((f) => filters[f]);
  return chosen.length === 1 ? chosen[0] : undefined;
}

function serviceMatches(doc: IndexedDoc, filters: DirectoryFilters): boolean {
  return (
    (!filters.theme || doc.themes.includes(filters.theme)) &&
    (!filters.language || doc.languages.includes(filters.language))
  );
}

/** The directory's lists of one process, from its search index. */
export class IndexLists {
  private edition: Edition | undefined;

  constructor(
    private readonly live: LiveSearchIndex,
    /** The kept lists' budget in bytes (listBytes). */
    private readonly budget = keptListsBytes,
  ) {}

  /** The first edition while it is made in steps (prepare). */
  private preparing: Promise<void> | undefined;

  /**
   * False until the index has read the whole directory (start-up), and while the first edition is
   * made in steps: callers then ask PostgreSQL.
   */
  get ready(): boolean {
    return this.live.isReady && (this.edition !== undefined || this.preparing === undefined);
  }

  /**
   * Makes the first edition in steps that give the event loop back (edition.ts editionInSteps),
   * ahead of the first list asked for; once the index is loaded. Nothing if one is made already.
   */
  prepare(slices?: Slices): Promise<void> {
    if (this.edition || !this.live.isReady) return Promise.resolve();
    this.preparing ??= editionInSteps(this.live, this.budget, slices)
      .then((made) => {
        // A request may have made a newer one meanwhile (never while preparing: ready is false).
        if ((this.edition?.version ?? -Infinity) < made.version) this.edition = made;
      })
      .finally(() => (this.preparing = undefined));
    return this.preparing;
  }

  /** The bytes the current edition's kept lists hold (listBytes), never above keptListsBytes. */
  get keptBytes(): number {
    return this.edition?.lists.calculatedSize ?? 0;
  }

  /** How many lists per facet and language the current edition holds (for tests). */
  get facetListsHeld(): number {
    return this.edition?.facets.size ?? 0;
  }

  /** Moves whenever a list may have changed: the version of the directory's documents in the index. */
  get version(): number {
    return this.live.index.sourceVersion(directorySearchSource.name);
  }

  private current(): Edition {
    if (this.edition?.version !== this.version)
      this.edition = nextEdition(this.live, this.edition, this.budget);
    return this.edition;
  }

  /**
   * The ids of the organisations matching the filters, in the directory's order: by name in the
   * reader's language, those without services after the others when they are shown at all.
   */
  organisations(filters: DirectoryFilters, locale: Locale): OrganisationList {
    const edition = this.current();
    const key = JSON.stringify(['o', locale, filters]);
    const kept = edition.lists.get(key);
    if (kept) return kept as OrganisationList;
    const sorted = (edition.byLocale[locale] ??= [...edition.organisations.values()].sort(
      byNameThenId(locale),
    ));
    const facet = onlyFacet(filters);
    const { withServices, without } = facet
      ? this.facetList(edition, sorted, locale, facet, String(filters[facet]))
      : this.scan(sorted, filters);
    const list = {
      ids: filters.withServices ? withServices : [...withServices, ...without],
      withoutServices: without.length,
    };
    edition.lists.set(key, list);
    return list;
  }

  private facetList(
    edition: Edition,
    sorted: readonly OrganisationEntry[],
    locale: Locale,
    facet: Facet,
    value: string,
  ): FacetList {
    const key = facetListsKey(locale, facet);
    let lists = edition.facets.get(key);
    // Made at once in an edition after a change (the first one makes them all in steps).
    if (!lists) edition.facets.set(key, (lists = byFacet(sorted, facet)));
    return lists.get(value) ?? { withServices: [], without: [] };
  }

  /** The organisations matching any filters, in one pass over the order. */
  private scan(sorted: readonly OrganisationEntry[], filters: DirectoryFilters): FacetList {
    const withServices: string[] = [];
    const without: string[] = [];
    const { kind, commune, theme, language } = filters;
    const both = theme && language ? (s: IndexedDoc) => serviceMatches(s, filters) : undefined;
    for (const o of sorted) {
      if (kind && o.kind !== kind) continue;
      if (commune && !o.communes.has(commune)) continue;
      if (both) {
        if (!o.services.some(both)) continue;
      } else if (theme ? !o.themes.includes(theme) : language && !o.languages.includes(language)) continue;
      (o.services.length ? withServices : without).push(o.id);
    }
    return { withServices, without };
  }

  /** The ids of the active services matching the filters, by id (as /api/v1/services has always listed them). */
  services(filters: DirectoryFilters): string[] {
    const edition = this.current();
    const excluded = new Set(
      Array.isArray(filters.excludeOrganisationIds) ? filters.excludeOrganisationIds : [],
    );
    const key = JSON.stringify(['s', filters]);
    const kept = edition.lists.get(key);
    if (kept) return kept as string[];
    const ids: string[] = [];
    for (const s of edition.services) {
      if (filters.organisationId && s.organisationId !== filters.organisationId) continue;
      if (excluded.has(s.organisationId)) continue;
      if (filters.kind && s.kind !== filters.kind) continue;
      if (filters.commune && !s.communes.includes(filters.commune)) continue;
      if (!serviceMatches(s, filters)) continue;
      ids.push(s.id);
    }
    edition.lists.set(key, ids);
    return ids;
  }
}

const perProcess = new WeakMap<LiveSearchIndex, IndexLists>();

/** The lists over this index, one per index in the process (the pages and the API share them). */
export function indexListsOf(live: LiveSearchIndex): IndexLists {
  let lists = perProcess.get(live);
  if (!lists) perProcess.set(live, (lists = new IndexLists(live)));
  return lists;
}
