// The first active services of several organisations at once, as another module's page lists them
// next to its own content (a good practice's organisations): one query for all the organisations,
// each service with its name, its organisation's name and the communes of its places. A named
// statement (db/prepared.ts): PostgreSQL plans it once per connection, not at every page.
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { preparedOn } from '../../../../db/prepared.ts';
import type { I18nText } from '../../../../shared/i18n-text.ts';
import { isUuid } from '../../../../shared/shapes.ts';
import { organisations, services } from '../../directory.schema.ts';

export interface OrganisationService {
  id: string;
  name: I18nText;
  organisationId: string;
  organisationName: I18nText;
  /** NIS codes of its places' communes, each once. */
  communes: string[];
}

const firstServices = preparedOn((db) => {
  const ranked = db
    .select({
      id: services.id,
      name: services.name,
      organisationId: services.organisationId,
      rank: sql<number>`row_number() over (partition by ${services.organisationId} order by ${services.id})`.as(
        'rank',
      ),
    })
    .from(services)
    .where(
      and(
        sql`${services.organisationId} = any(${sql.placeholder('organisations')}::uuid[])`,
        eq(services.status, 'active'),
      ),
    )
    .as('ranked');
  return db
    .select({
      id: ranked.id,
      name: ranked.name,
      organisationId: ranked.organisationId,
      organisationName: organisations.name,
      communes: sql<string[] | null>`array(select l.commune_nis from service_at_locations sal
        join locations l on l.id = sal.location_id
        where sal.service_id = ${ranked.id} and l.commune_nis is not null order by sal.id)`,
    })
    .from(ranked)
    .innerJoin(organisations, eq(organisations.id, ranked.organisationId))
    .where(lte(ranked.rank, sql.placeholder('each')))
    .orderBy(ranked.id)
    .prepare('directory_services_of_organisations');
});

/** Up to `each` active services per organisation (the same ones as listServices), organisations in the order given. */
export async function findServicesOfOrganisations(
  db: Executor,
  organisationIds: string[],
  each: number,
): Promise<OrganisationService[]> {
  const ids = [...new Set(organisationIds.filter(isUuid).map((id) => id.toLowerCase()))];
  if (!ids.length || each < 1) return [];
  const rows = await firstServices(db).execute({ organisations: ids, each });
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .map((r) => ({ ...r, name: r.name as I18nText, communes: [...new Set(r.communes ?? [])] }))
    .sort((a, b) => order.get(a.organisationId)! - order.get(b.organisationId)!);
}
