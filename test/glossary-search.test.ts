// The glossary is what search understands, through the real app: a word added to a concept (as a
// moderator's change would add it, announced on glossary_changed) is understood by the directory's
// search API and page and by the questions' search within 10 seconds, without a restart or deploy.
import { describe, expect, it } from 'vitest';
import { FormClient } from './helpers/form-client.ts';
import { addGlossaryLabel } from './helpers/glossary.ts';
import { memberOf, sql } from './helpers/members.ts';
import { useTestApp } from './helpers/test-app.ts';

const app = useTestApp();
/** Made up: no concept, service or organisation has it until the glossary gets it. */
const newWord = 'zwoebelhulp';

async function searchApi(q: string) {
  const res = await app.t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}&per_page=50` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: { id: string }[]; understood: string[]; meta: { total: number } };
}

async function debtService(): Promise<string> {
  const [row] = await sql(
    app.t,
    `select s.id from services s join organisations o on o.id = s.organisation_id
     where o.provenance_id = 'f-equilibre' and s.provenance_id = 'f-equilibre-mediation'`,
  );
  return row.id as string;
}

/** A Dutch question about schuldbemiddeling, asked through the pages. */
async function askAboutDebts(): Promise<string> {
  const [org] = await sql(app.t, 'select id from organisations order by provenance_id limit 1');
  const asker = await memberOf(app.t, org.id, ['editor'], { locale: 'nl' });
  await asker.get('/nl/questions/new');
  const res = await asker.post('/nl/questions/new', {
    title: 'Wie kent een goede schuldbemiddeling in Anderlecht?',
    body: 'Een alleenstaande moeder heeft schulden bij de huisbaas en de energieleverancier.',
    language: 'nl',
    themes: ['income.debt-counselling'],
    commune: '21001',
    visibility: 'everyone',
  });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  return /\/questions\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
}

describe('a word added to the glossary', () => {
  it('is understood by the directory search and the questions search within 10 seconds', async () => {
    const debt = await debtService();
    const question = await askAboutDebts();
    const visitor = new FormClient(app.t.app);
    const concept = await searchApi('schuldbemiddeling');
    expect(concept.understood).toHaveLength(1);
    expect(concept.data.map((d) => d.id)).toContain(debt);

    // Before: the word means nothing.
    const before = await searchApi(newWord);
    expect(before.understood).toEqual([]);
    expect(before.data.map((d) => d.id)).not.toContain(debt);
    expect((await visitor.get(`/fr/search?q=${newWord}`)).body).not.toContain(`/fr/services/${debt}`);
    expect((await visitor.get(`/fr/questions?q=${newWord}`)).body).not.toContain(question);

    const committed = Date.now();
    await addGlossaryLabel(app.t.database.pool, { slug: 'schuldbemiddeling', language: 'nl', text: newWord });
    let after = await searchApi(newWord);
    while (!after.understood.length && Date.now() - committed < 10_000) {
      await new Promise((r) => setTimeout(r, 100));
      after = await searchApi(newWord);
    }
    const took = Date.now() - committed;
    console.info(`glossary change understood by the app's search after ${took} ms`);
    expect(took).toBeLessThan(10_000);
    expect(after.understood).toEqual(concept.understood);
    expect(after.data.map((d) => d.id)).toContain(debt);

    // The page says so too, and the questions' search (with its words stored before) follows.
    const page = await visitor.get(`/fr/search?q=${newWord}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/fr/services/${debt}`);
    expect((await visitor.get(`/fr/questions?q=${newWord}`)).body).toContain(`/fr/questions/${question}`);
  });

  it('finds a question stored before with the new word by the concept’s words in another language', async () => {
    // Its terms were made before the glossary had the word: no token of the concept in them.
    const [org] = await sql(app.t, 'select id from organisations order by provenance_id limit 1');
    const asker = await memberOf(app.t, org.id, ['editor'], { locale: 'nl' });
    await asker.get('/nl/questions/new');
    const word = 'kwispelhulp';
    const res = await asker.post('/nl/questions/new', {
      title: `Wie biedt ${word} aan huis in Schaarbeek?`,
      body: 'Een oudere buurvrouw vraagt erom.',
      language: 'nl',
      visibility: 'everyone',
    });
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    const question = /\/questions\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    const visitor = new FormClient(app.t.app);
    const french = `/fr/questions?q=${encodeURIComponent('médiation de dettes')}`;
    expect((await visitor.get(french)).body).not.toContain(question);
    await addGlossaryLabel(app.t.database.pool, { slug: 'schuldbemiddeling', language: 'nl', text: word });
    const deadline = Date.now() + 10_000;
    let page = (await visitor.get(french)).body;
    while (!page.includes(question) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      page = (await visitor.get(french)).body;
    }
    expect(page).toContain(`/fr/questions/${question}`);
  });
});
