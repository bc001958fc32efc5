// Demo good practices, so that the library of a demo start is not empty: made up (their texts in
// demo-practices.data.ts), in nl, fr and en, written for demo organisations (organisations.is_demo)
// with no author, which is what marks them as demo (the practices have no demo column; their page
// says so: practicePageData's `demo`). Most are published, one featured, one a draft; their lists
// take the seeded worksheet items. Loaded at every demo start, each only when its address is not
// there yet, so a database from before them gets them and a second start adds nothing; a practice
// whose organisations are not all in the directory is left out. Checked as any practice's texts.
import { inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { type FieldProblem } from '../../../shared/errors.ts';
import { listOrganisationRows } from '../../directory/index.ts';
import { practices, worksheetItems } from '../knowledge.schema.ts';
import { checkTexts } from './check-practice.ts';
import { type DemoPractice, demoPractices } from './demo-practices.data.ts';
import { refreshPracticeTerms } from './practice-terms.ts';
import { insertPractice } from './practices.repo.ts';

const day = 24 * 3_600_000;

/** The practice's texts checked as the form's are; a mistake in the demo data stops the start. */
function checkedTexts(demo: DemoPractice, contactWay: string) {
  const problems: FieldProblem[] = [];
  const texts = checkTexts(
    {
      title: demo.title,
      summary: demo.summary,
      story: demo.story,
      organisations: '',
      themes: demo.themes,
      communes: demo.communes,
      contactName: demo.contactRole,
      contactWay,
      links: '',
      chosen: { obstacle: [], lever: [], tool: [] },
      added: { obstacle: '', lever: '', tool: '' },
    },
    problems,
  );
  if (problems.length)
    throw new Error(`The demo practice ${demo.slug} is invalid: ${problems.map((p) => p.code).join(', ')}`);
  return texts;
}

/** Loads the demo practices not there yet; returns how many it loaded. */
export async function loadDemoPractices(db: Database, now: Date): Promise<number> {
  const organisations = (await listOrganisationRows(db, { page: 1, perPage: 100 })).items.filter(
    (o) => o.isDemo && o.provenanceId,
  );
  const byKey = new Map(organisations.map((o) => [o.provenanceId!, o]));
  if (!byKey.size) return 0;
  return db.transaction(async (tx) => {
    // Two processes starting at once: the second waits here, then finds them there.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('demo_practices'))`);
    const there = await tx
      .select({ slug: practices.slug })
      .from(practices)
      .where(
        inArray(
          practices.slug,
          demoPractices.map((p) => p.slug),
        ),
      );
    const loaded = new Set(there.map((r) => r.slug));
    const seeded = await tx
      .select({ id: worksheetItems.id, code: worksheetItems.code })
      .from(worksheetItems)
      .where(isNotNull(worksheetItems.code));
    const item = new Map(seeded.map((i) => [i.code!, i.id]));
    const items = (codes: string[]) => codes.flatMap((code) => item.get(code) ?? []);
    let count = 0;
    for (const demo of demoPractices) {
      if (loaded.has(demo.slug)) continue;
      const owner = byKey.get(demo.owner);
      const involved = demo.involved.flatMap((key) => byKey.get(key) ?? []);
      if (!owner || involved.length !== demo.involved.length) continue;
      const texts = checkedTexts(demo, owner.email ?? '');
      const written = new Date(now.getTime() - demo.daysAgo * day);
      const values = {
        ...texts,
        organisationId: owner.id,
        authorId: null,
        status: demo.status,
        featured: demo.status === 'published' && demo.featured === true,
        organisationIds: involved.map((o) => o.id),
        organisationKinds: [...new Set([owner, ...involved].map((o) => o.kind))],
        obstacles: items(demo.obstacles),
        levers: items(demo.levers),
        tools: items(demo.tools),
        publishedAt: demo.status === 'published' ? written : null,
        createdAt: written,
        updatedAt: written,
      };
      const { id } = await insertPractice(tx, values, () => demo.slug, 1);
      await refreshPracticeTerms(tx, { id, ...values });
      count++;
    }
    return count;
  });
}
