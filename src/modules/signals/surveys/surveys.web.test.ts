// Surveys through the real HTTP app, as browsers without JavaScript: a member builds one (adding,
// moving and removing questions by posting the form), people answer it without an account, the
// results and the CSV, and every bad input of the issue: a clear translated message, nothing stored.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import {
  answersTo,
  buildSurvey,
  firstOrganisation,
  formVersion,
  sampleQuestions,
  surveyForm,
} from '../../../../test/helpers/surveys.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { geoReference } from '../../geo/index.ts';

const app = useTestApp();
const count = async (table: string) =>
  (await sql(app.t, `select count(*)::int as n from ${table}`))[0].n as number;
const quartier = geoReference().quartiers.find((q) => q.communeNis === '21004')!;

/** A visitor's browser that has opened the survey, so it holds the form's token. */
async function visitorOn(slug: string, locale = 'fr') {
  const visitor = new FormClient(app.t.app);
  await visitor.get(`/${locale}/surveys/${slug}`);
  return visitor;
}

const goodAnswer = {
  'a-question0': '1',
  'a-question1': ['0', '2'],
  'a-question2': '=HYPERLINK("http://evil.example")',
  'a-question3': String(quartier.code),
};

describe('building a survey without JavaScript', () => {
  it('adds, moves and removes questions by posting the form, and stores nothing until saved', async () => {
    const org = await firstOrganisation(app.t);
    const member = await memberOf(app.t, org, ['editor'], { locale: 'fr' });
    const base = `/fr/manage/organisations/${org}/surveys`;
    const form = await member.get(`${base}/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Nouvelle enquête');
    expect(form.body).toContain('Question 1');
    const before = await count('surveys');

    const two = [sampleQuestions[0]!, sampleQuestions[2]!];
    const added = await member.post(`${base}/new`, { ...surveyForm(two), action: 'add' });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('Question 3');
    expect(added.body).toContain('value="Autre chose ?"');

    const moved = await member.post(`${base}/new`, { ...surveyForm(two), action: 'up-1' });
    expect(moved.body.indexOf('Autre chose ?')).toBeLessThan(moved.body.indexOf('Avez-vous un logement ?'));
    const removed = await member.post(`${base}/new`, { ...surveyForm(two), action: 'remove-0' });
    expect(removed.body).not.toContain('Avez-vous un logement ?');
    expect(removed.body).not.toContain('Question 2');
    expect(await count('surveys')).toBe(before);

    const saved = await member.post(`${base}/new`, surveyForm());
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${base}?done=created`);
    const list = await member.get(`${base}?done=created`);
    expect(list.body).toContain('L’enquête est enregistrée.');
    expect(list.body).toContain('Le logement dans le quartier');
    const [row] = await sql(app.t, 'select * from surveys order by created_at desc limit 1');
    expect(row).toMatchObject({ organisation_id: org, created_by: member.id, theme_code: 'housing' });
    expect(row.slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(row.questions).toHaveLength(4);
    expect(row.questions[0].options).toEqual([{ fr: 'Oui' }, { fr: 'Non' }, { fr: 'Parfois' }]);
    const audit = await sql(app.t, `select event from audit_log where subject_id = $1`, [row.id]);
    expect(audit).toEqual([{ event: 'survey.created' }]);
  });

  it('refuses no question, 200 questions and bad fields with translated messages, storing nothing', async () => {
    const org = await firstOrganisation(app.t);
    const member = await memberOf(app.t, org, ['referrer'], { locale: 'fr' });
    const base = `/fr/manage/organisations/${org}/surveys`;
    await member.get(`${base}/new`);
    const before = await count('surveys');

    const none = await member.post(`${base}/new`, surveyForm([]));
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Ajoutez au moins une question.');
    const many = Array.from({ length: 200 }, (_, i) => ({ kind: 'scale', prompt: `Q${i}` }));
    const tooMany = await member.post(`${base}/new`, surveyForm(many));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('Une enquête compte 30 questions au plus.');

    await member.get(`/en/manage/organisations/${org}/surveys/new`);
    const bad = await member.post(
      `/en/manage/organisations/${org}/surveys/new`,
      surveyForm(
        [
          { kind: 'single', prompt: 'Only one option?', options: ['Yes'] },
          { kind: 'astrology', prompt: '' },
        ],
        { 'title.fr': '', theme: 'astrology', closes_on: '2020-01-01', results: 'never' },
      ),
    );
    expect(bad.statusCode).toBe(400);
    for (const message of [
      'Give the survey a title, in one language at least.',
      'Choose a theme from the list, or none.',
      'The survey must close after it opens.',
      'Choose who sees the results, and when.',
      'Give at least two options, one a line.',
      'Choose a kind of question from the list.',
      'Write the question, in one language at least.',
    ])
      expect(bad.body).toContain(message);
    expect(bad.body).toContain('value="Only one option?"');
    const mismatch = await member.post(
      `/en/manage/organisations/${org}/surveys/new`,
      surveyForm([{ kind: 'single', prompt: 'Ja?', options: ['Ja', 'Nee'] }], { 'q0-options.nl': 'Ja' }),
    );
    expect(mismatch.body).toContain('Give the same number of options in each language');
    const long = await member.post(
      `/en/manage/organisations/${org}/surveys/new`,
      surveyForm(undefined, { 'title.fr': 'x'.repeat(10_000) }),
    );
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Keep the title short: at most 150 characters.');
    expect(await count('surveys')).toBe(before);
  });

  it('lets nobody but the organisation’s members build its surveys', async () => {
    const org = await firstOrganisation(app.t);
    const [{ id: other }] = await sql(app.t, 'select id from organisations where id <> $1 limit 1', [org]);
    const outsider = await memberOf(app.t, other, ['admin']);
    await outsider.get('/en/account');
    const before = await count('surveys');
    expect((await outsider.get(`/en/manage/organisations/${org}/surveys/new`)).statusCode).toBe(404);
    expect(
      (await outsider.post(`/en/manage/organisations/${org}/surveys/new`, surveyForm())).statusCode,
    ).toBe(404);
    expect((await outsider.post(`/en/moderation/surveys/new`, surveyForm())).statusCode).toBe(404);
    expect(await count('surveys')).toBe(before);
  });
});

describe('answering a survey', () => {
  it('takes one answer per browser, in the reader’s language, with nothing asked about the person', async () => {
    const org = await firstOrganisation(app.t);
    const slug = await buildSurvey(app.t, await memberOf(app.t, org, ['editor']), org);
    const visitor = await visitorOn(slug);
    const page = await visitor.get(`/fr/surveys/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Le logement dans le quartier</h1>');
    expect(page.body).toContain(`<optgroup label="Bruxelles">`);
    // English readers see the French text, marked as French.
    expect((await visitor.get(`/en/surveys/${slug}`)).body).toContain(
      '<h1 lang="fr">Le logement dans le quartier</h1>',
    );

    const form = await visitor.get(`/fr/surveys/${slug}`);
    const sent = await visitor.post(`/fr/surveys/${slug}`, {
      ...goodAnswer,
      version: formVersion(form.body),
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/fr/surveys/${slug}?done=sent`);
    expect(visitor.cookie(`passerelle_survey_${slug}`)).toBe('1');
    // Kept past the latest closing the survey may ever get (a year after it opens), not its closing
    // at answering time: moving the closing later does not let this browser answer again.
    const expires = /Expires=([^;]+)/i.exec(String(sent.headers['set-cookie']))![1]!;
    const [{ opens }] = await sql(app.t, 'select opens_at opens from surveys where slug = $1', [slug]);
    const days = (new Date(expires).getTime() - (opens as Date).getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(366 + 31 - 1);
    const [row] = await sql(
      app.t,
      'select r.* from survey_responses r join surveys s on s.id = r.survey_id where s.slug = $1',
      [slug],
    );
    // The written answer is stored sealed (survey-texts.ts), the rest plain for the counts.
    expect(row.answers).toEqual({ question0: 1, question1: [0, 2], question3: quartier.code });
    expect(row.texts).toMatch(/^v1\./);
    expect(row).toMatchObject({ quartier_code: quartier.code, commune_nis: '21004' });

    // The same browser again: told so, nothing stored.
    const thanks = await visitor.get(`/fr/surveys/${slug}?done=sent`);
    expect(thanks.body).toContain('Merci : vos réponses sont enregistrées.');
    expect(thanks.body).not.toContain('Envoyer mes réponses');
    // As from the answer page still open in another tab: its token is still good.
    await visitor.get('/fr/password/forgot');
    const twice = await visitor.post(`/fr/surveys/${slug}`, goodAnswer);
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Vous avez déjà répondu à cette enquête depuis ce navigateur.');
    expect(await answersTo(app.t, slug)).toBe(1);
  });

  it('checks every answer by its kind, names each problem on its question, and stores nothing', async () => {
    const org = await firstOrganisation(app.t);
    const questions = [
      ...sampleQuestions,
      { kind: 'scale', prompt: 'Note ?' },
      { kind: 'number', prompt: 'Combien ?' },
    ];
    const slug = await buildSurvey(app.t, await memberOf(app.t, org, ['editor']), org, surveyForm(questions));
    const visitor = await visitorOn(slug, 'en');
    const before = await count('survey_responses');
    const bad = await visitor.post(`/en/surveys/${slug}`, {
      'a-question0': '7',
      'a-question1': ['0', 'x'],
      'a-question2': 'x'.repeat(10_000).slice(0, 1999),
      'a-question3': '99999',
      'a-question4': '6',
      'a-question5': 'a few',
    });
    expect(bad.statusCode).toBe(400);
    for (const message of [
      'Choose one of the answers in the list.',
      'Keep it short: at most 500 characters.',
      'Choose a quartier from the list.',
      'Choose a number from 1 to 5.',
      'Give a number, for example 3 or 2,5.',
    ])
      expect(bad.body).toContain(message);
    const missing = await visitor.post(`/en/surveys/${slug}`, { 'a-question5': '3' });
    expect(missing.body).toContain('Please answer this question.');
    const empty = await visitor.post(`/en/surveys/${slug}`, { 'a-question0': '' });
    expect(empty.statusCode).toBe(400);
    const tooLong = await visitor.post(`/en/surveys/${slug}`, {
      'a-question0': '0',
      'a-question2': 'x'.repeat(10_000),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Keep it short: at most 500 characters.');
    expect(await count('survey_responses')).toBe(before);
  });

  it('refuses answers before it opens and after it closes, storing nothing', async () => {
    const org = await firstOrganisation(app.t);
    const slug = await buildSurvey(app.t, await memberOf(app.t, org, ['editor']), org);
    const before = await count('survey_responses');
    for (const { opens, closes, locale, page, refusal } of [
      {
        opens: '1 day',
        closes: '2 days',
        locale: 'fr',
        page: 'n’est pas encore ouverte',
        refusal: 'Rien n’a été enregistré',
      },
      {
        opens: '-2 days',
        closes: '-1 day',
        locale: 'nl',
        page: 'Deze enquête is gesloten',
        refusal: 'Deze enquête is gesloten. Uw antwoorden zijn niet bewaard.',
      },
    ]) {
      await sql(
        app.t,
        'update surveys set opens_at = now() + $2::interval, closes_at = now() + $3::interval where slug = $1',
        [slug, opens, closes],
      );
      const visitor = await visitorOn(slug, locale);
      expect((await visitor.get(`/${locale}/surveys/${slug}`)).body).toContain(page);
      // As from the answer page left open: the form's token is still good, the survey is not.
      await visitor.get(`/${locale}/password/forgot`);
      const refused = await visitor.post(`/${locale}/surveys/${slug}`, goodAnswer);
      expect(refused.statusCode, locale).toBe(409);
      expect(refused.body).toContain(refusal);
    }
    expect(await count('survey_responses')).toBe(before);
  });

  it('stops a flood of answers from one address', async () => {
    const org = await firstOrganisation(app.t);
    const slug = await buildSurvey(app.t, await memberOf(app.t, org, ['editor']), org);
    const flooder = await visitorOn(slug, 'en');
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) {
      // A script that throws its cookie away each time: only the limit per address stops it.
      flooder.setCookie(`passerelle_survey_${slug}`, '');
      const form = await flooder.get(`/en/surveys/${slug}`);
      const answer = { ...goodAnswer, version: formVersion(form.body) };
      statuses.push((await flooder.post(`/en/surveys/${slug}`, answer)).statusCode);
    }
    expect(statuses).toEqual([...Array(50).fill(303), 429]);
    const last = await flooder.post(`/en/surveys/${slug}`, goodAnswer);
    expect(last.headers['retry-after']).toBeDefined();
    expect(last.body).toContain('Too many');
    expect(await answersTo(app.t, slug)).toBe(50);
  });
});
