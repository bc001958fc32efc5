// Changing one's own question or answer through the real HTTP app, as a browser without JavaScript:
// the form comes filled in, the change shows as "edited" and search follows it; anyone else is
// refused; bad input is refused in words with nothing changed; a hidden post is gone for its author.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

async function world() {
  const orgs = await sql(app.t, 'select id from organisations order by provenance_id limit 2');
  const [{ id: service }] = await sql(app.t, 'select id from services where organisation_id = $1 limit 1', [
    orgs[1].id,
  ]);
  const asker = await memberOf(app.t, orgs[0].id, ['editor'], { locale: 'nl' });
  const helper = await memberOf(app.t, orgs[1].id, ['referrer'], { locale: 'fr' });
  await asker.get('/nl/questions/new');
  const asked = await asker.post('/nl/questions/new', {
    title: 'Wie helpt met een huurachterstand in Anderlecht?',
    body: 'Een alleenstaande moeder heeft drie maanden huurachterstand. Wie kan helpen?',
    language: 'nl',
    themes: ['housing'],
    visibility: 'everyone',
  });
  const id = /\/questions\/([0-9a-f-]{36})/.exec(asked.headers.location as string)![1]!;
  await helper.get(`/fr/questions/${id}`);
  await helper.post(`/fr/questions/${id}/answers`, {
    body: 'Voyez ce service de médiation.',
    links: `/fr/services/${service}`,
    language: 'fr',
  });
  const [{ id: answer }] = await sql(app.t, 'select id from answers where question_id = $1', [id]);
  return { id, answer: answer as string, service: service as string, asker, helper };
}

const questionRow = async (id: string) =>
  (
    await sql(
      app.t,
      'select title, body, language, themes, visibility, edited_at from questions where id = $1',
      [id],
    )
  )[0];
const answerRow = async (id: string) =>
  (await sql(app.t, 'select body, language, service_ids, edited_at from answers where id = $1', [id]))[0];

describe('changing one’s own question', () => {
  it('comes filled in, saves the change with an "edited" date, and search finds the new words only', async () => {
    const { id, asker } = await world();
    const visitor = new FormClient(app.t.app);
    // Others see no way to change it; the asker does.
    expect((await visitor.get(`/nl/questions/${id}`)).body).not.toContain(`/nl/questions/${id}/edit`);
    const page = await asker.get(`/nl/questions/${id}`);
    expect(page.body).toContain(`href="/nl/questions/${id}/edit"`);
    const form = await asker.get(`/nl/questions/${id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Je vraag wijzigen');
    expect(form.body).toContain('value="Wie helpt met een huurachterstand in Anderlecht?"');
    expect(form.body).toMatch(/value="housing"[^>]*checked/);
    expect(form.body).not.toContain('name="organisation"');

    const saved = await asker.post(`/nl/questions/${id}/edit`, {
      title: 'Wie helpt met een huurschuld in Anderlecht of Kuregem?',
      body: 'Een alleenstaande moeder heeft een huurschuld en een vonnis van de vrederechter.',
      language: 'nl',
      themes: ['housing.tenant-rights'],
      commune: '21001',
      visibility: 'members',
    });
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303);
    expect(saved.headers.location).toBe(`/nl/questions/${id}?done=edited`);
    const row = await questionRow(id);
    expect(row).toMatchObject({ visibility: 'members', themes: ['housing.tenant-rights'] });
    expect(row.edited_at).not.toBeNull();
    const after = await asker.get(saved.headers.location as string);
    expect(after.body).toContain('Je wijzigingen zijn opgeslagen.');
    expect(after.body).toMatch(/gewijzigd<\/span> <time datetime=/);

    // The search follows the change: new words find it (for members now), old ones no longer do.
    expect((await asker.get('/nl/questions?q=vrederechter')).body).toContain(id);
    expect((await asker.get('/nl/questions?q=achterstand')).body).not.toContain(id);
    expect((await visitor.get('/nl/questions?q=vrederechter')).body).not.toContain(id);
    const [entry] = await sql(
      app.t,
      `select actor_id, details from audit_log where event = 'network.question_edited' and subject_id = $1`,
      [id],
    );
    expect(entry).toEqual({
      actor_id: asker.id,
      details: { changed: ['title', 'body', 'themes', 'communeNis', 'visibility'] },
    });
  });

  it('refuses bad input in words and changes nothing', async () => {
    const { id, asker } = await world();
    const before = await questionRow(id);
    await asker.get(`/fr/questions/${id}/edit`);
    const refused = await asker.post(`/fr/questions/${id}/edit`, {
      title: '  ',
      body: 'x'.repeat(50_000),
      language: 'tlh',
      themes: ['not-a-theme'],
      visibility: 'everyone',
    });
    expectRefused(refused, 'Modifier votre question', 'Remplissez ce champ.');
    expect(refused.body).not.toContain('x'.repeat(10_001));
    expect(await questionRow(id)).toEqual(before);
  });

  it('is the asker’s alone: others are refused, visitors sent to log in, a hidden question is gone', async () => {
    const { id, asker, helper } = await world();
    const before = await questionRow(id);
    expect((await helper.get(`/fr/questions/${id}/edit`)).statusCode).toBe(403);
    await helper.get(`/fr/questions/${id}`);
    const forbidden = await helper.post(`/fr/questions/${id}/edit`, {
      title: 'Pris en main par quelqu’un d’autre',
      body: 'Ce texte ne doit jamais être enregistré.',
      language: 'fr',
      visibility: 'everyone',
    });
    expect(forbidden.statusCode).toBe(403);
    const visitor = new FormClient(app.t.app);
    const login = await visitor.get(`/fr/questions/${id}/edit`);
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toMatch(/^\/fr\/login\?next=/);
    expect(await questionRow(id)).toEqual(before);

    // A members-only question with answers does not become public.
    await sql(app.t, `update questions set visibility = 'members' where id = $1`, [id]);
    const membersBefore = await questionRow(id);
    await asker.get(`/nl/questions/${id}/edit`);
    expectRefused(
      await asker.post(`/nl/questions/${id}/edit`, {
        title: 'Wie helpt met een huurachterstand in Anderlecht?',
        body: 'Een alleenstaande moeder heeft drie maanden huurachterstand. Wie kan helpen?',
        language: 'nl',
        themes: ['housing'],
        visibility: 'everyone',
      }),
      'De antwoorden werden alleen voor leden geschreven',
    );
    expect(await questionRow(id)).toEqual(membersBefore);

    await sql(app.t, 'update questions set hidden_at = now() where id = $1', [id]);
    expect((await asker.get(`/nl/questions/${id}/edit`)).statusCode).toBe(404);
    await asker.get('/nl/questions');
    const hidden = await asker.post(`/nl/questions/${id}/edit`, {
      title: 'Toch nog gewijzigd na het verbergen?',
      body: 'Dit mag niet meer.',
      language: 'nl',
      visibility: 'everyone',
    });
    expect(hidden.statusCode).toBe(404);
    expect(await questionRow(id)).toEqual(membersBefore);
  });
});

describe('changing one’s own answer', () => {
  it('keeps its links unless removed, shows it as edited, and refuses others and bad input', async () => {
    const { id, answer, service, asker, helper } = await world();
    const page = await helper.get(`/fr/questions/${id}`);
    expect(page.body).toContain(`href="/fr/answers/${answer}/edit"`);
    expect((await asker.get(`/nl/questions/${id}`)).body).not.toContain(`/answers/${answer}/edit`);
    const form = await helper.get(`/fr/answers/${answer}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`/fr/services/${service}`);

    // Bad input first: nothing changes.
    const before = await answerRow(answer);
    expectRefused(
      await helper.post(`/fr/answers/${answer}/edit`, {
        body: '',
        links: '/fr/services/00000000-0000-4000-8000-000000000000',
        language: 'fr',
      }),
      'Modifier votre réponse',
      'Remplissez ce champ.',
    );
    expect(await answerRow(answer)).toEqual(before);
    // Someone else, even the asker, cannot change it.
    await asker.get(`/nl/questions/${id}`);
    expect(
      (await asker.post(`/nl/answers/${answer}/edit`, { body: 'Overschreven.', links: '', language: 'nl' }))
        .statusCode,
    ).toBe(403);
    expect(await answerRow(answer)).toEqual(before);

    // Someone who left the organisation the answer shows them writing for no longer changes it.
    const [{ organisation_id: answeredFor }] = await sql(
      app.t,
      'select organisation_id from answers where id = $1',
      [answer],
    );
    const roles = await sql(
      app.t,
      'delete from memberships where user_id = $1 and organisation_id = $2 returning *',
      [helper.id, answeredFor],
    );
    expect(roles.length).toBeGreaterThan(0);
    expect((await helper.get(`/fr/answers/${answer}/edit`)).statusCode).toBe(403);
    await helper.get(`/fr/questions/${id}`);
    expect(
      (
        await helper.post(`/fr/answers/${answer}/edit`, {
          body: 'Réécrit après mon départ.',
          links: '',
          language: 'fr',
        })
      ).statusCode,
    ).toBe(403);
    expect(await answerRow(answer)).toEqual(before);
    const columns = Object.keys(roles[0]);
    await sql(
      app.t,
      `insert into memberships (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => roles[0][c]),
    );

    const saved = await helper.post(`/fr/answers/${answer}/edit`, {
      body: 'Mieux : appelez le juge de paix pour un délai.',
      links: '',
      language: 'fr',
    });
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303);
    expect(saved.headers.location).toBe(`/fr/questions/${id}?done=edited#answer-${answer}`);
    const row = await answerRow(answer);
    expect(row).toMatchObject({ body: 'Mieux : appelez le juge de paix pour un délai.', service_ids: [] });
    expect(row.edited_at).not.toBeNull();
    const after = await helper.get(`/fr/questions/${id}`);
    expect(after.body).not.toContain(`href="/fr/services/${service}"`);
    expect(after.body).toMatch(/modifié<\/span> <time datetime=/);
    // The question's search terms follow the answer's new words.
    expect((await helper.get('/fr/questions?q=juge%20de%20paix')).body).toContain(id);
    expect(
      await sql(app.t, `select 1 from audit_log where event = 'network.answer_edited' and subject_id = $1`, [
        answer,
      ]),
    ).toHaveLength(1);
  });
});
