// The rows of one page of a list drawn from the search index (index-lists.ts): read by id, in one
// query, and given back in the list's order.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { preparedOn } from '../../../db/prepared.ts';
import { organisations } from '../directory.schema.ts';
import { type OrganisationSummaryRow, organisationSummaryColumns } from '../directory.repo.ts';

// Built once and named (db/prepared.ts): its SQL, with four subqueries, cost more to build than to run.
const summariesByIds = preparedOn((db) =>
  db
    .select(organisationSummaryColumns)
    .from(organisations)
    .where(sql`${organisations.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('directory_organisation_summaries_by_ids'),
);

export async function findOrganisationSummariesByIds(
  db: Executor,
  ids: string[],
): Promise<OrganisationSummaryRow[]> {
  if (!ids.length) return [];
  const rows = (await summariesByIds(db).execute({ ids })) as OrganisationSummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  // One the index still lists but the database no longer has (deleted a moment ago) is left out.
  return ids.map((id) => byId.get(id)).filter((r): r is OrganisationSummaryRow => r !== undefined);
}
