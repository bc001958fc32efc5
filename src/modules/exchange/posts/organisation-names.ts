// The names of the organisations the exchange's pages and mails mention, from the directory.
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { listOrganisationsWithPlaces } from '../../directory/index.ts';

/** The names of these organisations, by id. */
export async function organisationNames(db: Executor, ids: string[]): Promise<Map<string, I18nText>> {
  const found = await listOrganisationsWithPlaces(db, [...new Set(ids)], []);
  return new Map(found.map((o) => [o.id, o.name]));
}
