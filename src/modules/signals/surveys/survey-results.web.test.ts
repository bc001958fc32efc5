// A survey's results, CSV, sharing and changes through the real HTTP app: owners see every count and
// the written answers; the public sees what the owners chose, never written answers, and no
// count under five, in steps of five answers; the CSV is the owners' and never carries a formula;
// once answered, only the closing date changes, and a change made meanwhile is refused, not cut.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import {
  answersTo,
  buildSurvey,
  firstOrganisation,
  formVersion,
  surveyForm,
} from '../../../../test/helpers/surveys.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { geoReference } from '../../geo/index.ts';

const app = useTestApp();
const quartier = geoReference().quartiers.find((q) => q.communeNis === '21004')!;

async function answer(slug: string, fields: Record<string, string | string[]>, locale = 'fr') {
  const visitor = new FormClient(app.t.app);
  const form = await visitor.get(`/${locale}/surveys/${slug}`);
  const res = await visitor.post(`/${locale}/surveys/${slug}`, {
    ...fields,
    version: formVersion(form.body),
  });
  expect(res.statusCode).toBe(303);
}

const text = '=HYPERLINK("http://evil.example","clic")';
const one = (choice: string) => ({
  'a-question0': choice,
  'a-question1': ['0', '2'],
  'a-question2': text,
  'a-question3': String(quartier.code),
});

describe('the results of a survey', () => {
  it('shows owners every count and the written answers, the public no count under 5', async () => {
    const org = await firstOrganisation(app.t);
    const owner = await memberOf(app.t, org, ['referrer'], { locale: 'fr' });
    const slug = await buildSurvey(app.t, owner, org);
    for (const choice of ['0', '0', '1']) await answer(slug, one(choice));

    const visitor = new FormClient(app.t.app);
    const few = await visitor.get(`/fr/surveys/${slug}/results`);
    expect(few.statusCode).toBe(200);
    expect(few.body).toContain('Moins de 5 réponses pour l’instant');
    expect(few.body).not.toContain('3 réponses');
    expect(few.body).toContain('par groupes de 5, les plus anciennes d’abord');
    expect(few.body).not.toContain('<table');
    expect(few.body).not.toContain('HYPERLINK');
    expect(few.body).toContain('Les réponses écrites ne sont lues que par ceux qui mènent l’enquête.');

    const mine = await owner.get(`/fr/surveys/${slug}/results`);
    expect(mine.body).toContain('3 réponses.');
    expect(mine.body).toContain('<th scope="row">Oui</th>');
    expect(mine.body).toMatch(/<td class="number">2<\/td>\s*<td class="number">67 %<\/td>/);
    expect(mine.body).toContain('=HYPERLINK(&#34;http://evil.example&#34;,&#34;clic&#34;)');
    expect(mine.body).toContain('Télécharger toutes les réponses (CSV)');

    // 3 "Oui", 1 "Non", 1 "Parfois": every count under 5 is hidden; 5 chose "Chauffage" and "Place".
    for (const choice of ['2', '0']) await answer(slug, one(choice));
    const enough = await visitor.get(`/en/surveys/${slug}/results`);
    expect(enough.body).toContain('The results below count 5 answers.');
    expect(enough.body).toContain('5 people answered this question.');
    expect(enough.body).toMatch(/<th scope="row" lang="fr">Oui<\/th>|<th scope="row">Oui<\/th>/);
    expect(enough.body).toMatch(/<td class="number">not shown<\/td>/);
    expect(enough.body).not.toContain('60 %');
    expect(enough.body).not.toMatch(/<td class="number">[1-4]<\/td>/);
    expect(enough.body).toMatch(/<td class="number">5<\/td>\s*<td class="number">100 %<\/td>/);
    expect(enough.body).toContain('Several choices were possible');
    expect(enough.body).not.toContain('HYPERLINK');
  });

  it('lets the public neither see nor work out a 4/1 split, nor a quartier chosen once', async () => {
    const org = await firstOrganisation(app.t);
    const owner = await memberOf(app.t, org, ['editor']);
    const slug = await buildSurvey(app.t, owner, org);
    const alone = geoReference().quartiers.find((q) => q.communeNis === '21009')!;
    for (const choice of ['0', '0', '0', '0']) await answer(slug, one(choice));
    await answer(slug, { ...one('1'), 'a-question3': String(alone.code) });
    const page = (await new FormClient(app.t.app).get(`/fr/surveys/${slug}/results`)).body;
    expect(page).toContain('5 personnes ont répondu à cette question.');
    // Neither the 4 nor the 1 is shown, so the 1 is not 5 minus what is shown.
    expect(page).not.toMatch(/<td class="number">[1-4]<\/td>/);
    expect(page).not.toMatch(/[28]0 %/);
    expect(page).not.toContain(alone.name.fr!);
    expect(page).toContain('Autres quartiers ensemble');
    expect((await owner.get(`/fr/surveys/${slug}/results`)).body).toContain(alone.name.fr!);
  });

  it('moves the public’s numbers in steps of five answers, never one', async () => {
    const org = await firstOrganisation(app.t);
    const owner = await memberOf(app.t, org, ['editor']);
    const slug = await buildSurvey(app.t, owner, org);
    for (const choice of ['0', '0', '0', '0', '0', '1']) await answer(slug, one(choice));
    const visitor = new FormClient(app.t.app);
    const shown = async () =>
      [
        ...(await visitor.get(`/en/surveys/${slug}/results`)).body.matchAll(
          /<p class="lead">[^<]*<\/p>|<section class="survey-result">[\s\S]*?<\/section>/g,
        ),
      ].map((m) => m[0]);
    const before = await shown();
    expect(before.join()).toContain('The results below count 5 answers.');
    await answer(slug, one('1'));
    expect(await shown()).toEqual(before);
    expect((await owner.get(`/en/surveys/${slug}/results`)).body).toContain('7 answers.');
    for (const choice of ['1', '1', '1']) await answer(slug, one(choice));
    const after = await shown();
    expect(after.join()).toContain('The results below count 10 answers.');
    expect(after.join()).toMatch(/<td class="number">5<\/td>\s*<td class="number">50 %<\/td>/);
  });

  it('shows the written answers only to owners who may take the CSV (a confirmed address)', async () => {
    const org = await firstOrganisation(app.t);
    const owner = await memberOf(app.t, org, ['editor']);
    const slug = await buildSurvey(app.t, owner, org);
    await answer(slug, one('0'));
    await sql(app.t, 'update users set email_verified_at = null where id = $1', [owner.id]);
    expect((await owner.get(`/fr/surveys/${slug}/answers.csv`)).statusCode).not.toBe(200);
    const page = await owner.get(`/fr/surveys/${slug}/results`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('HYPERLINK');
    expect(page.body).not.toContain('answers.csv');
  });

  it('keeps the results from the public until the survey closes, when its owners chose so', async () => {
    const org = await firstOrganisation(app.t);
    const owner = await memberOf(app.t, org, ['editor']);
    const slug = await buildSurvey(app.t, owner, org, surveyForm(undefined, { results: 'after_close' }));
    for (const choice of ['0', '1', '0', '0', '1']) await answer(slug, one(choice));
    const visitor = new FormClient(app.t.app);
    const waiting = await visitor.get(`/en/surveys/${slug}/results`);
    expect(waiting.body).toContain('The results are shown once the survey has closed.');
    expect(waiting.body).not.toContain('<table');
    expect((await visitor.get(`/en/surveys/${slug}`)).body).not.toContain('See the results');
    expect((await owner.get(`/en/surveys/${slug}/results`)).body).toContain('<table');
    await sql(app.t, `update surveys set closes_at = now() - interval '1 minute' where slug = $1`, [slug]);
    expect((await visitor.get(`/en/surveys/${slug}/results`)).body).toContain('<table');
  });

  it('gives the owners every answer as CSV, with no formula for a spreadsheet to run', async () => {
    const org = await firstOrganisation(app.t);
    const owner = await memberOf(app.t, org, ['editor'], { locale: 'fr' });
    const slug = await buildSurvey(app.t, owner, org);
    await answer(slug, one('1'));
    await answer(slug, { 'a-question0': '0', 'a-question2': '-2+3' });
    const csv = await owner.get(`/fr/surveys/${slug}/answers.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    // A byte order mark, so that Excel reads "é" as such.
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Répondu le,Avez-vous un logement ?,Que vous manque-t-il ?,Autre chose ?,Dans quel quartier habitez-vous ?',
    );
    expect(lines).toHaveLength(3);
    // The day of answering only: a time to the minute could tell who answered.
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2},[^\d]/);
    expect(lines[1]).toContain(`,Non,Chauffage; Place,"'=HYPERLINK(""http://evil.example"",""clic"")",`);
    expect(lines[1]).toContain(`${quartier.name.fr} (Bruxelles)`);
    expect(lines[2]).toMatch(/,Oui,,'-2\+3,$/);
    // Written answers are stored sealed, bound to their row; the rest stays plain for the counts.
    const rows = await sql(
      app.t,
      `select r.answers, r.texts from survey_responses r join surveys s on s.id = r.survey_id where s.slug = $1`,
      [slug],
    );
    for (const row of rows) {
      expect(JSON.stringify(row.answers)).not.toMatch(/HYPERLINK|-2\+3/);
      expect(row.texts).toMatch(/^v1\./);
    }

    // The file carries every written answer: each export is audited.
    const audit = await sql(
      app.t,
      `select event, actor_id, details from audit_log where subject_id = (select id::text from surveys where slug = $1) and event = 'survey.answers_exported'`,
      [slug],
    );
    expect(audit).toEqual([
      { event: 'survey.answers_exported', actor_id: owner.id, details: { answers: 2 } },
    ]);

    const [{ id: other }] = await sql(app.t, 'select id from organisations where id <> $1 limit 1', [org]);
    const outsider = await memberOf(app.t, other, ['admin']);
    const refused = await outsider.get(`/fr/surveys/${slug}/answers.csv`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('HYPERLINK');
    expect((await new FormClient(app.t.app).get(`/fr/surveys/${slug}/answers.csv`)).statusCode).toBe(303);
  });

  it('prints a page with the link and its QR code as SVG', async () => {
    const org = await firstOrganisation(app.t);
    const slug = await buildSurvey(app.t, await memberOf(app.t, org, ['editor']), org);
    const share = await new FormClient(app.t.app).get(`/fr/surveys/${slug}/share`);
    expect(share.statusCode).toBe(200);
    expect(share.body).toContain(`/fr/surveys/${slug}</a>`);
    expect(share.body).toMatch(
      /<div class="survey-qr" role="img" aria-label="Code QR[^"]*"><svg [^>]*viewBox="0 0 \d+ \d+"/,
    );
    expect((await new FormClient(app.t.app).get('/fr/surveys/AAAAAAAAAAAAAAAAAAAAAA/share')).statusCode).toBe(
      404,
    );
    expect((await new FormClient(app.t.app).get('/fr/surveys/nope')).statusCode).toBe(404);
  });
});

describe('changing a survey', () => {
  it('changes all of it until the first answer, then only the closing date', async () => {
    const org = await firstOrganisation(app.t);
    const owner = await memberOf(app.t, org, ['editor'], { locale: 'fr' });
    const slug = await buildSurvey(app.t, owner, org);
    const edit = await owner.get(`/fr/surveys/${slug}/edit`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="Avez-vous un logement ?"');
    const changed = await owner.post(
      `/fr/surveys/${slug}/edit`,
      surveyForm(undefined, { 'title.fr': 'Se loger' }),
    );
    expect(changed.headers.location).toBe(`/fr/manage/organisations/${org}/surveys?done=changed`);
    expect((await sql(app.t, 'select title from surveys where slug = $1', [slug]))[0].title).toEqual({
      fr: 'Se loger',
    });

    // The owner opens the whole form; someone answers before she saves: she is told, nothing changes.
    const stale = await owner.get(`/fr/surveys/${slug}/edit`);
    expect(stale.body).toContain('name="scope" value="all"');
    await answer(slug, one('0'));
    const meanwhile = await owner.post(
      `/fr/surveys/${slug}/edit`,
      surveyForm(undefined, { 'title.fr': 'Autre titre', closes_on: '2027-01-20', closes_time: '12:00' }),
    );
    expect(meanwhile.statusCode).toBe(409);
    expect(meanwhile.body).toContain(
      'Quelqu’un a répondu à l’enquête entre-temps : seule la date de fermeture peut encore changer.',
    );
    expect(meanwhile.body).not.toContain('q0-prompt');
    expect(meanwhile.body).toContain('name="scope" value="closing"');
    expect(meanwhile.body).toContain('value="2027-01-20"');
    const closing = async () =>
      (
        await sql(
          app.t,
          `select title, to_char(closes_at at time zone 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') c from surveys where slug = $1`,
          [slug],
        )
      )[0];
    const [before] = [await closing()];
    expect(before.title).toEqual({ fr: 'Se loger' });

    const locked = await owner.get(`/fr/surveys/${slug}/edit`);
    expect(locked.body).toContain('1 personne a répondu');
    expect(locked.body).not.toContain('q0-prompt');
    await owner.post(`/fr/surveys/${slug}/edit`, {
      scope: 'closing',
      closes_on: '2027-01-31',
      closes_time: '18:00',
      action: 'save',
    });
    expect(await closing()).toEqual({ title: { fr: 'Se loger' }, c: '2027-01-31 18:00' });
    const past = await owner.post(`/fr/surveys/${slug}/edit`, {
      scope: 'closing',
      closes_on: '2026-01-01',
      action: 'save',
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('L’enquête doit fermer après son ouverture.');
    const audit = await sql(
      app.t,
      `select event, details from audit_log where subject_id = (select id::text from surveys where slug = $1) order by at`,
      [slug],
    );
    expect(audit.map((a) => a.event)).toEqual(['survey.created', 'survey.changed', 'survey.closing_changed']);
    // A change of the closing names the closing before and after.
    const last = audit[2].details as { closesAtBefore: string; closesAtAfter: string };
    expect(new Date(last.closesAtAfter).getTime() - new Date(last.closesAtBefore).getTime()).not.toBe(0);
    expect(last.closesAtAfter).toBe(new Date('2027-01-31T17:00:00Z').toISOString());
    expect(audit[1].details).toHaveProperty('closesAtBefore');
  });

  it('refuses an answer from a form loaded before the survey changed', async () => {
    const org = await firstOrganisation(app.t);
    const owner = await memberOf(app.t, org, ['editor']);
    const slug = await buildSurvey(app.t, owner, org);
    const visitor = new FormClient(app.t.app);
    const form = await visitor.get(`/fr/surveys/${slug}`);
    // The owner turns the first question around while the visitor reads the old one.
    await owner.get(`/fr/surveys/${slug}/edit`);
    const swapped = surveyForm(undefined, { 'q0-options.fr': 'Non\nOui\nParfois' });
    expect((await owner.post(`/fr/surveys/${slug}/edit`, swapped)).statusCode).toBe(303);
    const late = await visitor.post(`/fr/surveys/${slug}`, { ...one('0'), version: formVersion(form.body) });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Quelqu’un d’autre vient de modifier');
    expect(await answersTo(app.t, slug)).toBe(0);
    // The form shown again carries the survey as it is now: sent again, the answer is taken.
    const again = await visitor.post(`/fr/surveys/${slug}`, { ...one('0'), version: formVersion(late.body) });
    expect(again.statusCode).toBe(303);
  });
});

describe('the network’s surveys', () => {
  it('are the moderators’, listed on their own page', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator', locale: 'nl' });
    expect((await moderator.get('/nl/moderation')).body).toContain('href="/nl/moderation/surveys"');
    const slug = await buildSurvey(app.t, moderator, null);
    const list = await moderator.get('/nl/moderation/surveys');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Enquêtes van het netwerk');
    expect(list.body).toContain(`/nl/surveys/${slug}/results`);
    expect(
      (await sql(app.t, 'select organisation_id from surveys where slug = $1', [slug]))[0].organisation_id,
    ).toBeNull();
    const member = await memberOf(app.t, await firstOrganisation(app.t), ['admin']);
    expect((await member.get('/nl/moderation/surveys')).statusCode).toBe(404);
    expect((await member.get(`/nl/surveys/${slug}/edit`)).statusCode).toBe(404);
  });
});
