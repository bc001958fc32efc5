// One edition of the directory's lists (index-lists.ts): the index's directory documents grouped by
// organisation, with the organisations in order for each language and the services by id, made
// again whenever the directory's documents in the index change (its version).
import { LRUCache } from 'lru-cache';
import type { I18nText, Locale } from '../../../shared/i18n-text.ts';
import { Slices, sortedInSlices } from '../../../shared/slices.ts';
import type { LiveSearchIndex, IndexedDoc } from '../../search/index.ts';
import { directorySearchSource } from '../search/directory-source.ts';
import { updateSorted } from './sorted.ts';
import { cacheBudget } from '../../../shared/cache-budgets.ts';

export interface OrganisationEntry {
  id: string;
  name: I18nText;
  kind: string;
  /** Communes of all its places (organisationCommunes of its documents). */
  communes: Set<string>;
  /** Its active services' documents (none: it lists no service). */
  services: IndexedDoc[];
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
export const byNameThenId = (locale: Locale) => (a: OrganisationEntry, b: OrganisationEntry) => {
  const x = sortName[locale](a.name);
  const y = sortName[locale](b.name);
  return collator.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
};

export interface Edition {
  version: number;
  /** The index's documents by number when the edition was made: what differs since has changed. */
  seen: readonly (IndexedDoc | undefined)[];
  /** Organisations by id, with their directory documents. */
  organisations: Map<string, OrganisationEntry>;
  docsOf: Map<string, IndexedDoc[]>;
  byLocale: Partial<Record<Locale, OrganisationEntry[]>>;
  /** Active services' documents by id. */
  services: IndexedDoc[];
  lists: LRUCache<string, OrganisationList | string[]>;
  /** Per language and facet: each value's organisations, in order, with services and without (byFacet). */
  facets: Map<string, Map<string, FacetList>>;
}

export interface FacetList {
  withServices: string[];
  without: string[];
}

/** The filters that a list per value of one facet answers: one of these, and no kind. */
const facetValuesOf = {
  theme: (o: OrganisationEntry) => o.themes,
  commune: (o: OrganisationEntry) => o.communes,
  language: (o: OrganisationEntry) => o.languages,
} as const;
export type Facet = keyof typeof facetValuesOf;
export const facets = Object.keys(facetValuesOf) as Facet[];
/** Where an edition's `facets` holds the lists of one language and facet. */
export const facetListsKey = (locale: Locale, facet: Facet) => `${locale} ${facet}`;

/** Puts one organisation, the next in order, in the lists of each of its values of a facet. */
function addToFacetLists(lists: Map<string, FacetList>, o: OrganisationEntry, facet: Facet): void {
  for (const value of facetValuesOf[facet](o)) {
    let list = lists.get(value);
    if (!list) lists.set(value, (list = { withServices: [], without: [] }));
    const ids = o.services.length ? list.withServices : list.without;
    // Once, should a document name a value twice.
    if (ids[ids.length - 1] !== o.id) ids.push(o.id);
  }
}

/**
 * Every value's list of one facet in one pass over the order: a directory visited theme by theme
 * (113 of them) or commune by commune then costs one pass, not one per value.
 */
export function byFacet(sorted: readonly OrganisationEntry[], facet: Facet): Map<string, FacetList> {
  const lists = new Map<string, FacetList>();
  for (const o of sorted) addToFacetLists(lists, o, facet);
  return lists;
}

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
const byId = (a: IndexedDoc, b: IndexedDoc) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function entryOf(docs: IndexedDoc[]): OrganisationEntry {
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
function unionOf(docs: IndexedDoc[], values: (doc: IndexedDoc) => readonly string[]): readonly string[] {
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
export function nextEdition(live: LiveSearchIndex, last: Edition | undefined, budget: number): Edition {
  const version = live.index.sourceVersion(directorySearchSource.name);
  const docs = live.index.documents;
  const seen = last?.seen ?? [];
  const docsOf = last?.docsOf ?? new Map<string, IndexedDoc[]>();
  const organisations = last?.organisations ?? new Map<string, OrganisationEntry>();
  const changed = new Set<string>();
  const goneServices = new Set<IndexedDoc>();
  const newServices: IndexedDoc[] = [];
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

/**
 * The first edition, as `nextEdition(live, undefined, budget)` makes it but with its orders and
 * lists per facet for every language made too, in slices that give the event loop back: made at
 * once on the first request after a start, the grouping and the sorts by a collator held the event
 * loop for 250 ms and more at 50,000 services. The documents are those of the moment it starts (`seen`), so a
 * change meanwhile is taken by the next edition as any other change.
 */
export async function editionInSteps(
  live: LiveSearchIndex,
  budget: number,
  slices = new Slices(),
): Promise<Edition> {
  const version = live.index.sourceVersion(directorySearchSource.name);
  const seen = live.index.documents.slice();
  const docsOf = new Map<string, IndexedDoc[]>();
  const newServices: IndexedDoc[] = [];
  for (let n = 0; n < seen.length; n++) {
    const doc = seen[n];
    if (doc && directoryTypes.has(doc.type)) {
      let list = docsOf.get(doc.organisationId);
      if (!list) docsOf.set(doc.organisationId, (list = []));
      list.push(doc);
      if (doc.type === 'service') newServices.push(doc);
    }
    if ((n & 1023) === 0 && slices.due) await slices.next();
  }
  // In the order nextEdition sets them: each organisation where its first document is.
  const organisations = new Map<string, OrganisationEntry>();
  for (const [id, docs] of docsOf) {
    organisations.set(id, entryOf(docs));
    if ((organisations.size & 255) === 0 && slices.due) await slices.next();
  }
  const entries = [...organisations.values()];
  const byLocale: Edition['byLocale'] = {};
  const facetLists: Edition['facets'] = new Map();
  for (const locale of ['nl', 'fr', 'en'] as const) {
    const sorted = (byLocale[locale] = await sortedInSlices(entries, byNameThenId(locale), slices));
    // The lists per theme, commune and language too: made at once by the first request after a
    // start, each held the event loop for 30 ms (16,653 organisations, the code not yet optimised).
    for (const facet of facets) {
      const lists = new Map<string, FacetList>();
      for (let i = 0; i < sorted.length; i++) {
        addToFacetLists(lists, sorted[i]!, facet);
        if ((i & 255) === 0 && slices.due) await slices.next();
      }
      facetLists.set(facetListsKey(locale, facet), lists);
    }
  }
  return {
    version,
    seen,
    organisations,
    docsOf,
    byLocale,
    services: await sortedInSlices(newServices, byId, slices),
    lists: new LRUCache({ max: 500, maxSize: budget, sizeCalculation: listBytes }),
    facets: facetLists,
  };
}
