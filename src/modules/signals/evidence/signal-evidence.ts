// The need signals as evidence: published signals, once for each theme they name (two sub-themes of
// one theme count once for that theme), in the month they were seen; and once each under "all
// themes" ("*"): a signal naming three themes is one signal. Folded into themes in PostgreSQL, so
// that about a hundred thousand rows come back for a million signals (theme codes are "theme" or
// "theme.sub-theme", directory/data/themes.json; a signal names at most three). Each row carries the
// sum of its signals' keys (evidence-source.ts), the seed of its noise.
import { sql } from 'drizzle-orm';
import { recordKey } from '../../../db/record-key.ts';
import { allThemesCode, type EvidenceQuery } from '../evidence-source.ts';
import { needSignals } from '../signals.schema.ts';

export const signalEvidence: EvidenceQuery = async (db, keySecret) => {
  const codes = needSignals.themeCodes;
  const result = await db.execute<{
    theme: string;
    commune: string;
    quartier: number | null;
    month: string;
    n: number;
    k: number;
  }>(sql`
    with s as materialized (
      select split_part(${codes}[1], '.', 1) as t1, split_part(${codes}[2], '.', 1) as t2,
             split_part(${codes}[3], '.', 1) as t3, ${needSignals.communeNis} as commune,
             ${needSignals.quartierCode} as quartier, to_char(${needSignals.seenOn}, 'YYYY-MM') as month,
             ${recordKey(keySecret, needSignals.id)} as key
        from ${needSignals}
       where ${needSignals.status} = 'published')
    select theme, commune, quartier, month, count(*)::int as n, (sum(key) % 256)::int as k
      from s, lateral (values (t1), (case when t2 <> t1 then t2 end), (case when t3 <> t1 and t3 <> t2 then t3 end)) v(theme)
     where theme is not null and theme <> ''
     group by 1, 2, 3, 4
    union all
    select ${allThemesCode}, commune, quartier, month, count(*)::int, (sum(key) % 256)::int
      from s
     group by 2, 3, 4`);
  return result.rows.map((r) => ({
    source: 'signals',
    themeCode: r.theme,
    communeNis: r.commune,
    quartierCode: r.quartier,
    month: r.month,
    count: r.n,
    keySum: r.k,
  }));
};
