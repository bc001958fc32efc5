// Questions to the network through the real HTTP app, as browsers without JavaScript: a member asks
// in Dutch, a French reader finds it with other words and answers with a link to a service, the
// asker accepts; bad input is refused in words with nothing stored; questions for members only and
// hidden ones do not exist for the others; the directory's search shows matching questions.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { type Member, memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { searchApi } from '../../../../test/helpers/search-api.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();
const count = async (table: string) =>
  (await sql(app.t, `select count(*)::int as n from ${table}`))[0].n as number;

/** Two organisations of the demo data, and a service of a third. */
async function world() {
  const orgs = await sql(app.t, 'select id from organisations order by provenance_id limit 3');
  const [{ id: service, name }] = await sql(
    app.t,
    `select id, name->>'fr' as name from services where organisation_id = $1 and name ? 'fr' limit 1`,
    [orgs[2].id],
  );
  return {
    orgA: orgs[0].id as string,
    orgB: orgs[1].id as string,
    service: service as string,
    serviceName: name as string,
  };
}

const dutchQuestion = {
  title: 'Wie kent een goede schuldbemiddeling voor een gezin in Molenbeek?',
  body: 'Een gezin met drie kinderen heeft schulden bij de energieleverancier. <script>alert(1)</script> Wie helpt snel?',
  language: 'nl',
  themes: ['income.debt-counselling'],
  commune: '21012',
  visibility: 'everyone',
};

async function ask(member: Member, fields: Record<string, string | string[]> = {}) {
  await member.get('/nl/questions/new');
  const res = await member.post('/nl/questions/new', { ...dutchQuestion, ...fields });
  expect(res.statusCode, res.body.slice(0, 3000)).toBe(303);
  return /\/questions\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
}

describe('asking, finding across languages, answering and accepting', () => {
  it('a Dutch question about schuldbemiddeling is found by a French reader searching “médiation de dettes”, answered with a service card and accepted', async () => {
    const { orgA, orgB, service, serviceName } = await world();
    const asker = await memberOf(app.t, orgA, ['editor'], { locale: 'nl' });
    const id = await ask(asker);
    const page = await asker.get(`/nl/questions/${id}?done=asked`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wie kent een goede schuldbemiddeling');
    // The text's script is shown as text, never run.
    const main = page.body.slice(page.body.indexOf('<main'));
    expect(main).not.toContain('<script>alert(1)</script>');
    expect(main).toContain('&lt;script>alert(1)&lt;/script>');

    const visitor = new FormClient(app.t.app);
    const found = await visitor.get(`/fr/questions?q=${encodeURIComponent('médiation de dettes')}`);
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`/fr/questions/${id}`);
    // Unrelated words do not find it.
    const other = await visitor.get(`/fr/questions?q=${encodeURIComponent('piscine communale')}`);
    expect(other.body).not.toContain(`/fr/questions/${id}`);
    // Filters: its commune and its theme's parent find it; another commune does not.
    expect((await visitor.get(`/fr/questions?theme=income&commune=21012`)).body).toContain(id);
    expect((await visitor.get(`/fr/questions?q=dettes&commune=21004`)).body).not.toContain(id);

    // A French reader of another organisation answers, pointing to a service by its page's address.
    const reader = await memberOf(app.t, orgB, ['referrer'], { locale: 'fr' });
    await reader.get(`/fr/questions/${id}`);
    const answered = await reader.post(`/fr/questions/${id}/answers`, {
      body: `Le service de médiation de dettes ici : /fr/services/${service} — appelez-les de ma part.`,
      language: 'fr',
    });
    expect(answered.statusCode, answered.body.slice(0, 2000)).toBe(303);
    const [answer] = await sql(
      app.t,
      'select id, service_ids, organisation_id from answers where question_id = $1',
      [id],
    );
    expect(answer.service_ids).toEqual([service]);
    expect(answer.organisation_id).toBe(orgB);
    // Asking and answering make their authors follow the question: their digests tell them what comes next.
    const followers = await sql(
      app.t,
      'select user_id from follows where question_id = $1 order by created_at',
      [id],
    );
    expect(followers.map((f: { user_id: string }) => f.user_id)).toEqual([asker.id, reader.id]);
    const withCard = await visitor.get(`/fr/questions/${id}`);
    expect(withCard.body).toContain(`href="/fr/services/${service}"`);
    expect(withCard.body).toContain(
      serviceName
        .replace(/'/g, '&#39;')
        .replace(/&(?!#)/g, '&amp;')
        .slice(0, 10),
    );

    // Words only the answer has find the question too (its terms were refreshed with the answer).
    expect((await visitor.get(`/en/questions?q=appelez`)).body).toContain(id);

    // Only the asker accepts.
    await reader.get(`/fr/questions/${id}`);
    expect((await reader.post(`/fr/questions/${id}/accept`, { answer: answer.id })).statusCode).toBe(403);
    await asker.get(`/nl/questions/${id}`);
    expect((await asker.post(`/nl/questions/${id}/accept`, { answer: answer.id })).statusCode).toBe(303);
    expect(
      (await sql(app.t, 'select accepted_answer_id from questions where id = $1', [id]))[0]
        .accepted_answer_id,
    ).toBe(answer.id);

    // A second answer comes after; when the asker accepts it instead, it comes first.
    await reader.get(`/fr/questions/${id}`);
    await reader.post(`/fr/questions/${id}/answers`, {
      body: 'Un deuxième avis : le CPAS aussi.',
      language: 'fr',
    });
    const [second] = await sql(app.t, 'select id from answers where question_id = $1 and id <> $2', [
      id,
      answer.id,
    ]);
    let shown = (await visitor.get(`/fr/questions/${id}`)).body;
    expect(shown.indexOf(`answer-${answer.id}`)).toBeLessThan(shown.indexOf(`answer-${second.id}`));
    await asker.get(`/nl/questions/${id}`);
    await asker.post(`/nl/questions/${id}/accept`, { answer: second.id });
    shown = (await visitor.get(`/fr/questions/${id}`)).body;
    expect(shown.indexOf(`answer-${second.id}`)).toBeLessThan(shown.indexOf(`answer-${answer.id}`));
    expect((await sql(app.t, 'select answer_count from questions where id = $1', [id]))[0].answer_count).toBe(
      2,
    );

    // The directory's search shows the question next to services, once its index has it (a
    // visitor's box of questions is the index's too).
    await searchApi(app.get, 'fr').eventually(
      `type=question&q=${encodeURIComponent('médiation de dettes')}`,
      (items) => items.some((item) => item.id === id),
    );
    const search = await visitor.get(`/fr/search?q=${encodeURIComponent('médiation de dettes')}`);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('Questions au réseau');
    expect(search.body).toContain(`/fr/questions/${id}`);
    expect(search.body).toContain(`/fr/questions?q=m%C3%A9diation%20de%20dettes`);
    // … and its live refresh replaces the box too.
    const live = await visitor.get(`/fr/search?q=${encodeURIComponent('médiation de dettes')}`);
    expect(live.body).toContain('id="related-results"');
    const refreshed = await app.t.app.inject({
      method: 'GET',
      url: `/fr/search?q=${encodeURIComponent('médiation de dettes')}`,
      headers: { 'hx-request': 'true', 'hx-target': 'search-layout' },
    });
    expect(refreshed.body).toContain('hx-swap-oob="true"');
    expect(refreshed.body).toContain(`/fr/questions/${id}`);
    // Without words, no box.
    expect((await visitor.get('/fr/search')).body).not.toContain('Questions au réseau');
  });

  it('refuses bad questions and answers in words, storing nothing, and HTML stays text', async () => {
    const { orgA, orgB } = await world();
    const asker = await memberOf(app.t, orgA, ['editor']);
    const before = await count('questions');
    await asker.get('/en/questions/new');
    expectRefused(
      await asker.post('/en/questions/new', {
        ...dutchQuestion,
        title: 'Short',
        themes: ['no.such-theme'],
        visibility: 'secret',
      }),
      'Between 10 and 200 characters.',
      'Choose at most five themes from the list.',
    );
    expectRefused(
      await asker.post('/en/questions/new', { ...dutchQuestion, body: 'x'.repeat(10_001) }),
      'At most 10,000 characters.',
    );
    expect(await count('questions')).toBe(before);

    const id = await ask(asker, { title: '<img src=x onerror=alert(1)> is this harmless?' });
    const answerer = await memberOf(app.t, orgB, ['referrer'], { locale: 'fr' });
    const answersBefore = await count('answers');
    await answerer.get(`/fr/questions/${id}`);
    // A 50,000-character answer: a translated error, nothing stored.
    expectRefused(
      await answerer.post(`/fr/questions/${id}/answers`, { body: 'a'.repeat(50_000), language: 'fr' }),
      '10 000 caractères au plus.',
    );
    // A link to a service that does not exist.
    expectRefused(
      await answerer.post(`/fr/questions/${id}/answers`, {
        body: 'Voyez ce service',
        links: '/fr/services/00000000-0000-4000-8000-000000000000',
        language: 'fr',
      }),
      'Un lien mène à un service ou une organisation',
    );
    expect(await count('answers')).toBe(answersBefore);
    const page = await answerer.get(`/fr/questions/${id}`);
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)> is this harmless?');

    // People who belong to no organisation cannot ask or answer; visitors are asked to log in.
    const loner = await signedInPerson(app.t);
    expect((await loner.get('/en/questions/new')).body).toContain('Only members of an organisation');
    await loner.get(`/en/questions/${id}`);
    expect((await loner.post(`/en/questions/${id}/answers`, { body: 'Hello' })).statusCode).toBe(403);
    expect((await loner.post('/en/questions/new', dutchQuestion)).statusCode).toBe(403);
    expect(await count('answers')).toBe(answersBefore);
    expect((await app.get(`/en/questions/${id}`)).body).toContain('Log in to answer');
  });
});

describe('who sees what', () => {
  it('a question for members only does not exist for visitors and non-members, in its page and the search', async () => {
    const { orgA } = await world();
    const asker = await memberOf(app.t, orgA, ['referrer']);
    const id = await ask(asker, {
      visibility: 'members',
      title: 'Zaal voor een vormingsdag over huurrecht gezocht',
    });
    expect((await app.get(`/nl/questions/${id}`)).statusCode).toBe(404);
    expect((await app.get('/nl/questions?q=huurrecht')).body).not.toContain(id);
    const loner = await signedInPerson(app.t);
    expect((await loner.get(`/nl/questions/${id}`)).statusCode).toBe(404);
    const member = await memberOf(app.t, orgA, ['editor']);
    expect((await member.get(`/nl/questions/${id}`)).statusCode).toBe(200);
    expect((await member.get('/nl/questions?q=huurrecht')).body).toContain(id);
  });

  it('moderators hide and restore: a hidden question leaves the pages and the search and takes no answers; a hidden answer leaves the search', async () => {
    const { orgA, orgB } = await world();
    const asker = await memberOf(app.t, orgA, ['editor']);
    const id = await ask(asker, { title: 'Waar vind ik een tolk Tigrinya voor een afspraak?' });
    const answerer = await memberOf(app.t, orgB, ['editor']);
    await answerer.get(`/en/questions/${id}`);
    await answerer.post(`/en/questions/${id}/answers`, {
      body: 'Try the zebrafinch interpreting service.',
      language: 'en',
    });
    const [{ id: answerId }] = await sql(app.t, 'select id from answers where question_id = $1', [id]);
    expect((await app.get('/en/questions?q=zebrafinch')).body).toContain(id);

    // A visitor reports the answer; the moderators see it in their list.
    const visitor = new FormClient(app.t.app);
    expect((await visitor.get(`/en/questions/${id}`)).body).toContain(
      `href="/en/answers/${answerId}/report"`,
    );
    const form = await visitor.get(`/en/answers/${answerId}/report`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Report this answer');
    const reported = await visitor.post(`/en/answers/${answerId}/report`, {
      reason: 'spam',
      message: '<b>ad</b>',
    });
    expect(reported.statusCode).toBe(303);
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    // The moderators' page leads there.
    expect((await moderator.get('/en/moderation')).body).toContain(
      '<a href="/en/moderation/posts">Reported questions and answers</a>',
    );
    const list = await moderator.get('/en/moderation/posts');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('&lt;b>ad&lt;/b>');
    expect((await asker.get('/en/moderation/posts')).statusCode).toBe(403);

    // Hiding the answer takes its words out of the search and closes its report.
    await moderator.get(`/en/questions/${id}`);
    expect(
      (await moderator.post(`/en/moderation/posts/answers/${answerId}/hide`, { reason: 'advertising' }))
        .statusCode,
    ).toBe(303);
    expect((await app.get('/en/questions?q=zebrafinch')).body).not.toContain(id);
    expect((await app.get(`/en/questions/${id}`)).body).not.toContain('zebrafinch');
    expect((await moderator.get(`/en/questions/${id}`)).body).toContain('zebrafinch');
    expect(
      (
        await sql(
          app.t,
          'select count(*)::int as n from post_reports where resolved_at is null and answer_id = $1',
          [answerId],
        )
      )[0].n,
    ).toBe(0);

    // Hiding the question: gone for others, not found by its words, no answers taken.
    await moderator.get(`/en/questions/${id}`);
    await moderator.post(`/en/moderation/posts/questions/${id}/hide`, { reason: 'duplicate' });
    expect((await app.get(`/en/questions/${id}`)).statusCode).toBe(404);
    expect((await app.get('/en/questions?q=tigrinya')).body).not.toContain(id);
    const answers = await count('answers');
    await answerer.get('/en/questions');
    const refused = await answerer.post(`/en/questions/${id}/answers`, {
      body: 'Another answer',
      language: 'en',
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.body).toContain('This question does not exist, or you cannot see it.');
    expect(await count('answers')).toBe(answers);
    // Restoring the answer while its question is hidden keeps both out of the search.
    await moderator.get(`/en/questions/${id}`);
    expect((await moderator.post(`/en/moderation/posts/answers/${answerId}/restore`, {})).statusCode).toBe(
      303,
    );
    expect(
      (await sql(app.t, `select length(search_terms) as n from questions where id = $1`, [id]))[0].n,
    ).toBe(0);
    // Without a reason, a hide is refused in words, and nothing changes.
    await moderator.get(`/en/questions/${id}`);
    expectRefused(
      await moderator.post(`/en/moderation/posts/answers/${answerId}/hide`, { reason: '  ' }),
      'Fill this in.',
    );
    expect(
      (await sql(app.t, 'select hidden_at from answers where id = $1', [answerId]))[0].hidden_at,
    ).toBeNull();

    // Restored: found again, with its answer's words.
    await moderator.get(`/en/questions/${id}`);
    await moderator.post(`/en/moderation/posts/questions/${id}/restore`, {});
    expect((await app.get(`/en/questions/${id}`)).statusCode).toBe(200);
    expect((await app.get('/en/questions?q=zebrafinch')).body).toContain(id);
    const audit = await sql(app.t, `select event from audit_log where subject_id in ($1, $2) order by at`, [
      id,
      answerId,
    ]);
    expect(audit.map((a) => a.event)).toEqual(
      expect.arrayContaining([
        'network.question_asked',
        'network.answer_hidden',
        'network.question_hidden',
        'network.question_restored',
      ]),
    );
  });

  it('limits reports per person, with a translated “too many” message', async () => {
    const { orgA } = await world();
    const asker = await memberOf(app.t, orgA, ['editor']);
    const id = await ask(asker, { title: 'Een vraag die te veel gemeld wordt door iemand' });
    const visitor = new FormClient(app.t.app);
    await visitor.get(`/fr/questions/${id}/report`);
    for (let i = 0; i < 5; i++)
      expect((await visitor.post(`/fr/questions/${id}/report`, { reason: 'other' })).statusCode).toBe(303);
    const refused = await visitor.post(`/fr/questions/${id}/report`, { reason: 'other' });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Trop de tentatives');
    // A bad reason is refused in words, nothing stored.
    const before = await count('post_reports');
    const other = new FormClient(app.t.app);
    await other.get(`/en/questions/${id}/report`);
    expectRefused(await other.post(`/en/questions/${id}/report`, { reason: 'because' }), 'Choose one.');
    expect(await count('post_reports')).toBe(before);
  });
});
