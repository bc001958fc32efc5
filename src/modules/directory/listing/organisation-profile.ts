// What another module weighs an organisation by (the exchange's "calls I can apply for"): its kind,
// its KBO/BCE number, whether the moderators verified it, the themes of its active services (with their parents) and the communes of
// its places, in one query.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { I18nText } from '../../../shared/i18n-text.ts';
import { isUuid } from '../../../shared/shapes.ts';
import type { OrganisationKind } from '../directory.vocabulary.ts';

export interface OrganisationProfile {
  id: string;
  name: I18nText;
  kind: OrganisationKind;
  kboNumber: string | null;
  /** Verified by the moderators (who trust it to publish funding calls). */
  verified: boolean;
  themes: string[];
  communes: string[];
}

type Row = {
  id: string;
  name: I18nText;
  kind: OrganisationKind;
  kbo_number: string | null;
  verified: boolean;
  themes: string[];
  communes: string[];
};

/** Profiles of these organisations (ids not found are left out). */
export async function findOrganisationProfiles(db: Executor, ids: string[]): Promise<OrganisationProfile[]> {
  const keys = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  if (!keys.length) return [];
  const { rows } = await db.execute<Row>(sql`
    select o.id, o.name, o.kind, o.kbo_number, o.verification = 'verified' as verified,
      array(select distinct x from services s
              join service_themes st on st.service_id = s.id
              join taxonomy_terms t on t.id = st.term_id,
              unnest(array_remove(array[t.code, t.parent_code], null)) as x
            where s.organisation_id = o.id and s.status = 'active') as themes,
      array(select distinct l.commune_nis from locations l
            where l.organisation_id = o.id and l.commune_nis is not null) as communes
    from organisations o where o.id = any(${sql.param(keys)}::uuid[])`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    kboNumber: r.kbo_number,
    verified: r.verified,
    themes: r.themes,
    communes: r.communes,
  }));
}
