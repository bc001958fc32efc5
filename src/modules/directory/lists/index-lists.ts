// The directory's lists drawn from this process's search index rather than from PostgreSQL: the
// directory page and /api/v1/organisations (organisations by name in the reader's language) and
// /api/v1/services (services by id). Once per index version the directory's documents are grouped by
// organisation and put in order for each language; a list for some filters is then one pass over
// that order, kept while the version holds. A page is a slice of it and its total is its length: no
// count(*) and no OFFSET in the database, at any depth; only the page's rows are read, by id.
import { LRUCache } from 'lru-cache';
import type { I18nText, Locale } from '../../../shared/i18n-text.ts';
import type { LiveSearchIndex, SearchDoc } from '../../search/index.ts';
import type { DirectoryFilters } from '../directory.repo.ts';
import { directorySearchSource } from '../search/directory-source.ts';
import { updateSorted } from './sorted.ts';
import { cacheBudget } from '../../../shared/cache-budgets.ts';

interface OrganisationEntry {
  id: string;
  name: I18nText;
  kind: string;
  /** Communes of all its places (organisationCommunes of its documents). */
  communes: Set<string>;
  /** Its active services' documents (none: it lists no service). */
  services: SearchDoc[];
  /**
   * The theme codes and the languages of those services together: a list filtered on one of them
   * tests the organisation once instead of each of its services (a list per theme over 50,000
   * services cost tens of milliseconds). A filter on both still asks one service to have both.
   */
  themes: readonly string[];
  languages: readonly string[];
}

/** The name each language sorts by, as the sort keys of migration 0002 (name_sort_nl|fr|en). */
const sortName: Record<Locale, (name: I18nText) => string> = {
  nl: (n) => n.nl ?? n.en ?? n.fr ?? '',
  fr: (n) => n.fr ?? n.en ?? n.nl ?? '',
  en: (n) => n.en ?? n.fr ?? n.nl ?? '',
};

/**
 * ICU's root collation, as PostgreSQL's "und-x-icu"; equal names then compare as written (a
 * deterministic collation does that), then by id, as the SQL order does.
 */
const collator = new Intl.Collator('und');
const byNameThenId = (locale: Locale) => (a: OrganisationEntry, b: OrganisationEntry) => {
  const x = sortName[locale](a.name);
  const y = sortName[locale](b.name);
  return collator.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
};

interface Edition {
  version: number;
  /** The index's documents by number when the edition was made: what differs since has changed. */
  seen: readonly (SearchDoc | undefined)[];
  /** Organisations by id, with their directory documents. */
  organisations: Map<string, OrganisationEntry>;
  docsOf: Map<string, SearchDoc[]>;
  byLocale: Partial<Record<Locale, OrganisationEntry[]>>;
  /** Active services' documents by id. */
  services: SearchDoc[];
  lists: LRUCache<string, OrganisationList | string[]>;
  /** Per language and facet: each value's organisations, in order, with services and without (byFacet). */
  facets: Map<string, Map<string, FacetList>>;
}

interface FacetList {
  withServices: string[];
  without: string[];
}

/** The filters that a list per value of one facet answers: one of these, and no kind. */
const facetValuesOf = {
  theme: (o: OrganisationEntry) => o.themes,
  commune: (o: OrganisationEntry) => o.communes,
  language: (o: OrganisationEntry) => o.languages,
} as const;
type Facet = keyof typeof facetValuesOf;

export interface OrganisationList {
  ids: string[];
  /** Organisations that match the filters but list no service (shown with "all=1", counted otherwise). */
  withoutServices: number;
}

/**
 * What one edition's kept lists may hold, in bytes: a list is an array of ids (8 bytes a slot, the
 * ids themselves are the documents'), and a list of every service at 50,000 takes 400 KB.
 */
export const keptListsBytes = cacheBudget('directoryLists');
export const listBytes = (list: OrganisationList | string[], key: string) =>
  64 + 2 * key.length + 8 * (Array.isArray(list) ? list.length : list.ids.length);

const directoryTypes = new Set(['service', 'organisation']);
const byId = (a: SearchDoc, b: SearchDoc) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function entryOf(docs: SearchDoc[]): OrganisationEntry {
  const first = docs[0]!;
  const entry: OrganisationEntry = {
    id: first.organisationId,
    name: first.organisationName,
    kind: first.kind,
    communes: new Set(),
    services: [],
    themes: [],
    languages: [],
  };
  for (const doc of docs) {
    // As the SQL list does: an organisation is in a commune where any of its places is.
    for (const c of doc.organisationCommunes ?? doc.communes) entry.communes.add(c);
    if (doc.type === 'service') entry.services.push(doc);
  }
  entry.themes = unionOf(entry.services, (s) => s.themes);
  entry.languages = unionOf(entry.services, (s) => s.languages);
  return entry;
}

/** The values of every document, once each; one document's own list as it is (shared, not copied). */
function unionOf(docs: SearchDoc[], values: (doc: SearchDoc) => readonly string[]): readonly string[] {
  if (docs.length === 1) return values(docs[0]!);
  const all = new Set<string>();
  for (const doc of docs) for (const value of values(doc)) all.add(value);
  return [...all];
}

/**
 * The next edition from the last one: only the organisations whose documents changed (a document
 * at some number is not the same object as before) are made again, and put in their places in the
 * sorted lists (sorted.ts), so that a change costs no sort of the whole directory.
 */
function nextEdition(live: LiveSearchIndex, last: Edition | undefined, budget: number): Edition {
  const version = live.index.sourceVersion(directorySearchSource.name);
  const docs = live.index.documents;
  const seen = last?.seen ?? [];
  const docsOf = last?.docsOf ?? new Map<string, SearchDoc[]>();
  const organisations = last?.organisations ?? new Map<string, OrganisationEntry>();
  const changed = new Set<string>();
  const goneServices = new Set<SearchDoc>();
  const newServices: SearchDoc[] = [];
  const length = Math.max(docs.length, seen.length);
  for (let n = 0; n < length; n++) {
    const before = seen[n];
    const now = docs[n];
    if (before === now) continue;
    if (before && directoryTypes.has(before.type)) {
      const list = docsOf.get(before.organisationId);
      const at = list ? list.indexOf(before) : -1;
      if (at >= 0) list!.splice(at, 1);
      if (before.type === 'service') goneServices.add(before);
      changed.add(before.organisationId);
    }
    if (now && directoryTypes.has(now.type)) {
      let list = docsOf.get(now.organisationId);
      if (!list) docsOf.set(now.organisationId, (list = []));
      list.push(now);
      if (now.type === 'service') newServices.push(now);
      changed.add(now.organisationId);
    }
  }
  const removed = new Set<OrganisationEntry>();
  const added: OrganisationEntry[] = [];
  for (const id of changed) {
    const old = organisations.get(id);
    if (old) removed.add(old);
    const list = docsOf.get(id);
    if (list?.length) {
      const entry = entryOf(list);
      organisations.set(id, entry);
      added.push(entry);
    } else {
      docsOf.delete(id);
      organisations.delete(id);
    }
  }
  const byLocale: Edition['byLocale'] = {};
  for (const [locale, sorted] of Object.entries(last?.byLocale ?? {}) as [Locale, OrganisationEntry[]][])
    byLocale[locale] = changed.size ? updateSorted(sorted, removed, added, byNameThenId(locale)) : sorted;
  return {
    version,
    seen: docs.slice(),
    organisations,
    docsOf,
    byLocale,
    services: updateSorted(last?.services ?? [], goneServices, newServices, byId),
    lists: new LRUCache({ max: 500, maxSize: budget, sizeCalculation: listBytes }),
    facets: new Map(),
  };
}

/** The one facet the filters choose a value of, if they choose nothing else (kind included). */
function onlyFacet(filters: DirectoryFilters): Facet | undefined {
  if (filters.kind) return undefined;
  const chosen = (Object.keys(facetValuesOf) as Facet[]).filter((f) => filters[f]);
  return chosen.length === 1 ? chosen[0] : undefined;
}

/**
 * Every value's list of one facet in one pass over the order: a directory visited theme by theme
 * (113 of them) or commune by commune then costs one pass, not one per value.
 */
function byFacet(sorted: readonly OrganisationEntry[], facet: Facet): Map<string, FacetList> {
  const lists = new Map<string, FacetList>();
  const valuesOf = facetValuesOf[facet];
  for (const o of sorted) {
    for (const value of valuesOf(o)) {
      let list = lists.get(value);
      if (!list) lists.set(value, (list = { withServices: [], without: [] }));
      const ids = o.services.length ? list.withServices : list.without;
      // Once, should a document name a value twice.
      if (ids[ids.length - 1] !== o.id) ids.push(o.id);
    }
  }
  return lists;
}

function serviceMatches(doc: SearchDoc, filters: DirectoryFilters): boolean {
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

  /** False until the index has read the whole directory (start-up): callers then ask PostgreSQL. */
  get ready(): boolean {
    return this.live.isReady;
  }

  /** The bytes the current edition's kept lists hold (listBytes), never above keptListsBytes. */
  get keptBytes(): number {
    return this.edition?.lists.calculatedSize ?? 0;
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
    const key = `${locale} ${facet}`;
    let lists = edition.facets.get(key);
    if (!lists) edition.facets.set(key, (lists = byFacet(sorted, facet)));
    return lists.get(value) ?? { withServices: [], without: [] };
  }

  /** The organisations matching any filters, in one pass over the order. */
  private scan(sorted: readonly OrganisationEntry[], filters: DirectoryFilters): FacetList {
    const withServices: string[] = [];
    const without: string[] = [];
    const { kind, commune, theme, language } = filters;
    const both = theme && language ? (s: SearchDoc) => serviceMatches(s, filters) : undefined;
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
