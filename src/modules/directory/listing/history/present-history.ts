// The history page's rows: each version with who made it, which record it was about (named as the
// reader reads it, also when the record is gone) and each field before and after.
import type { I18nText, Locale } from '../../../../shared/i18n-text.ts';
import type { ListingVersion } from '../listing-versions.ts';
import { canRollBack } from './rollback.repo.ts';
import type { VersionView } from './history.page.tsx';

interface Listing {
  name: I18nText;
  services: { id: string; name: I18nText }[];
  contacts: { id: string; name: string }[];
  locations: { id: string; address: string | null }[];
}

/** A stored value as the history page shows it. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (typeof value === 'object')
    return Object.entries(value as Record<string, string>)
      .map(([lang, v]) => `${lang}: ${v}`)
      .join(' · ');
  return String(value);
}

export function presentHistory(
  versions: ListingVersion[],
  listing: Listing,
  people: Map<string, string>,
  locale: Locale,
): VersionView[] {
  const serviceNames = new Map(listing.services.map((s) => [s.id, s.name]));
  const contactNames = new Map(listing.contacts.map((c) => [c.id, c.name]));
  const locationNames = new Map(listing.locations.map((l) => [l.id, l.address ?? '']));
  const nameIn = (name: I18nText | undefined) => (name ? (name[locale] ?? Object.values(name)[0] ?? '') : '');
  // A removed record is named by the version that removed it.
  const earlier = (v: ListingVersion, field: string) =>
    String(v.changes[field]?.before ?? v.changes[field]?.after ?? '');
  const recordName = (v: ListingVersion) =>
    v.recordType === 'service'
      ? nameIn(serviceNames.get(v.recordId))
      : v.recordType === 'contact'
        ? (contactNames.get(v.recordId) ?? earlier(v, 'name'))
        : v.recordType === 'location'
          ? (locationNames.get(v.recordId) ?? earlier(v, 'address'))
          : nameIn(listing.name);
  return versions.map((v) => ({
    id: v.id,
    at: v.at,
    actor: (v.actorId && people.get(v.actorId)) || '—',
    recordType: v.recordType,
    recordName: recordName(v),
    action: v.action,
    rollbackable: canRollBack(v.action, v.recordType),
    rolledBack: v.rolledBack,
    changes: Object.entries(v.changes).map(([field, c]) => ({
      field,
      before: shown(c.before),
      after: shown(c.after),
    })),
  }));
}
