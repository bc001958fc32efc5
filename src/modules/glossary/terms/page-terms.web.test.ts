// The glossary's words under the directory's service pages and the questions' pages, through the
// real app: a service whose description says "OCMW" shows the CPAS/OCMW concept with its words in
// every language and its definition in the reader's language; a moderator's change reaches the
// pages within seconds (search's notice of the new edition); a page naming no word has no section;
// what the glossary holds is shown as text.
import { describe, expect, it } from 'vitest';
import { sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

const section = (html: string) => {
  const start = html.indexOf('<section class="glossary-terms"');
  return start < 0 ? null : html.slice(start, html.indexOf('</section>', start));
};

/** A change as an edit leaves it: the concept, and a version that moves the glossary's edition. */
async function change(slug: string, statement: string) {
  await sql(app.t, statement, [slug]);
  await sql(
    app.t,
    `insert into glossary_versions (concept_id, version, note, state)
     select id, version + 1, 'test', '{}'::jsonb from glossary_concepts where slug = $1`,
    [slug],
  );
  await sql(app.t, `update glossary_concepts set version = version + 1 where slug = $1`, [slug]);
}

async function someService() {
  const [{ id }] = await sql(app.t, `select id from services where status = 'active' order by id limit 1`);
  return id as string;
}

describe('the glossary’s words on a service page', () => {
  it('lists the concepts its texts name, with their words and the definition in the reader’s language', async () => {
    await change(
      'ocmw',
      `update glossary_concepts set definition = '{"nl": "Het openbaar centrum van de gemeente.", "fr": "Le centre public de la commune."}'::jsonb where slug = $1`,
    );
    const id = await someService();
    await sql(
      app.t,
      `update services set name = '{"nl": "Zzq", "fr": "Zzq", "en": "Zzq"}'::jsonb,
         description = '{"nl": "Wij helpen wie een leefloon vraagt bij het OCMW.", "fr": "Nous aidons qui demande le revenu d''intégration au CPAS.", "en": "We help."}'::jsonb,
         application_process = null, fees_description = null, eligibility_description = null
       where id = $1`,
      [id],
    );
    // The process reads the changed glossary when search notices its edition (a poll of 5 s here).
    let fr = await app.get(`/fr/services/${id}`);
    for (let i = 0; i < 60 && !fr.body.includes('Le centre public de la commune.'); i++) {
      await new Promise((r) => setTimeout(r, 250));
      fr = await app.get(`/fr/services/${id}`);
    }
    expect(fr.statusCode).toBe(200);
    const terms = section(fr.body);
    expect(terms).not.toBeNull();
    expect(terms).toContain('<h2 id="glossary-terms-title">Mots de cette page</h2>');
    // In the order of the text: the income, then the CPAS.
    const summaries = [...terms!.matchAll(/<summary><span[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(summaries).toEqual(['revenu d&#39;intégration', 'CPAS']);
    const cpas = terms!.slice(terms!.indexOf('<summary><span>CPAS'));
    expect(cpas).toContain(
      '<dt>Français</dt><dd><span>CPAS</span>, <span>centre public d&#39;action sociale</span></dd>',
    );
    expect(cpas).toContain('<dd><span lang="nl">OCMW</span>, <span lang="nl">openbaar centrum');
    expect(cpas).toContain('<p class="glossary-term-definition">Le centre public de la commune.</p>');
    expect(cpas).toContain('<a href="/fr/glossary/ocmw">« CPAS » dans le glossaire</a>');

    // The Dutch reader reads the Dutch text and definition.
    const nl = section((await app.get(`/nl/services/${id}`)).body)!;
    expect(nl).toContain('<summary><span>OCMW</span></summary>');
    expect(nl).toContain('Het openbaar centrum van de gemeente.');
    // The English text names none: no section, and nothing of it.
    const en = await app.get(`/en/services/${id}`);
    expect(en.statusCode).toBe(200);
    expect(section(en.body)).toBeNull();
    expect(en.body).not.toContain('glossary-term');
  });

  it('follows a change of the glossary within seconds, and shows its text as text', async () => {
    const id = await someService();
    await change(
      'ocmw',
      `update glossary_concepts set definition = '{"fr": "Un <img src=x onerror=alert(1)> & \\"CPAS\\""}'::jsonb where slug = $1`,
    );
    let page = '';
    for (let i = 0; i < 60 && !page.includes('onerror'); i++) {
      await new Promise((r) => setTimeout(r, 250));
      page = section((await app.get(`/fr/services/${id}`)).body) ?? '';
    }
    expect(page).toContain('Un &lt;img src=x onerror=alert(1)> &amp; &#34;CPAS&#34;');
    expect(page).not.toContain('<img');
  });
});

describe('the glossary’s words on a question’s page', () => {
  it('lists the concepts of the question and its answers, and none for a page without them', async () => {
    const [{ id }] = await sql(
      app.t,
      `insert into questions (title, body, language, search_terms)
       values ('Vraag over steun', 'Mijn buurman wil een leefloon aanvragen.', 'nl', ''::tsvector) returning id`,
    );
    const page = await app.get(`/en/questions/${id}`);
    expect(page.statusCode).toBe(200);
    const terms = section(page.body)!;
    expect(terms).toContain('<h2 id="glossary-terms-title">Words on this page</h2>');
    expect(terms).toContain('href="/en/glossary/leefloon"');
    expect(terms).not.toContain('href="/en/glossary/ocmw"');

    const [{ id: plain }] = await sql(
      app.t,
      `insert into questions (title, body, language, search_terms)
       values ('Zzq', 'Qwzx vbnm.', 'nl', ''::tsvector) returning id`,
    );
    const none = await app.get(`/en/questions/${plain}`);
    expect(none.statusCode).toBe(200);
    expect(section(none.body)).toBeNull();
  });
});
