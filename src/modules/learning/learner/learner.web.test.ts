// Following a path through the real HTTP app, as a browser without JavaScript: a visitor's progress
// in a signed cookie of that path only, a signed-in learner's on their account; the choices counted
// with nobody behind them; feedback after each choice; the completion page; a path that changed.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { composeBranchingPath } from '../../../../test/helpers/learning.ts';
import { signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { flushChoiceCounts } from './choice-tally.ts';
import { progressCookieName } from './progress-cookie.ts';

const app = useTestApp();

const location = (res: { headers: Record<string, unknown> }) => String(res.headers.location);

describe('a visitor follows a branching path', () => {
  it('from the list to the completion page, with feedback, progress in a cookie and anonymous counts', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'debts-first-steps');
    const [situation, text, quiz] = path.cards;

    const visitor = new FormClient(app.t.app);
    const list = await visitor.get('/en/learn');
    expect(list.body).toContain('href="/en/learn/debts-first-steps"');
    expect(list.body).toContain('3 cards');
    const start = await visitor.get('/en/learn/debts-first-steps');
    expect(start.body).toContain('What to say, and who to refer to.');
    const started = await visitor.post('/en/learn/debts-first-steps/start', {});
    expect(location(started)).toBe(`/en/learn/debts-first-steps/${situation!.key}`);
    // One cookie per language's learning pages, named after this path; none elsewhere.
    const set = started.cookies as { name: string; path: string; httpOnly: boolean }[];
    expect(set.map((c) => c.path).sort()).toEqual(['/en/learn', '/fr/learn', '/nl/learn']);
    expect(set.every((c) => c.name === progressCookieName(path.id) && c.httpOnly)).toBe(true);

    const card1 = await visitor.get(location(started));
    expect(card1.body).toContain('You are at card 1 of 3');
    expect(card1.body).toContain('A neighbour shows you a reminder from a bailiff.');
    // No choice: told in words, nothing counted.
    const none = await visitor.post(`/en/learn/debts-first-steps/${situation!.key}`, { step: 'choose' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose an answer.');
    await flushChoiceCounts();
    expect(await sql(app.t, 'select * from learning_choice_counts where path_id = $1', [path.id])).toEqual(
      [],
    );

    const chose = await visitor.post(`/en/learn/debts-first-steps/${situation!.key}`, {
      step: 'choose',
      choice: situation!.choices![0]!.key,
    });
    expect(chose.statusCode).toBe(303);
    const feedback = await visitor.get(location(chose));
    expect(feedback.body).toContain('Read the letter together');
    expect(feedback.body).toContain('Good: first understand what is asked.');
    expect(feedback.body).toContain(`href="/en/learn/debts-first-steps/${text!.key}"`);
    // The start page knows where the visitor is, from the cookie.
    expect((await visitor.get('/en/learn/debts-first-steps')).body).toContain('You are at card 2 of 3');

    const card2 = await visitor.get(`/en/learn/debts-first-steps/${text!.key}`);
    expect(card2.body).toContain('You are at card 2 of 3');
    expect(card2.body).toContain('href="/en/glossary/ocmw"');
    const next = await visitor.post(`/en/learn/debts-first-steps/${text!.key}`, { step: 'continue' });
    expect(location(next)).toBe(`/en/learn/debts-first-steps/${quiz!.key}`);

    const wrong = quiz!.options!.find((o) => !o.correct)!.key;
    const answered = await visitor.post(`/en/learn/debts-first-steps/${quiz!.key}`, {
      step: 'answer',
      options: [wrong],
    });
    const quizFeedback = await visitor.get(location(answered));
    expect(quizFeedback.body).toContain('Not quite.');
    expect(quizFeedback.body).toContain('The CPAS has debt counsellors.');
    expect(quizFeedback.body).toContain('href="/en/learn/debts-first-steps/done"');
    const done = await visitor.get('/en/learn/debts-first-steps/done');
    expect(done.body).toContain('Path completed');
    expect(done.body).toContain('Someone asks about a debt');
    expect(done.body).toContain(new Date().getFullYear().toString());
    expect(done.body).toContain('This page holds no personal data');

    // Counted: the choice, the option, a wrong answer; no user, session, address or time anywhere.
    // Written in the next batch, not with the step.
    await flushChoiceCounts();
    const counts = await sql(
      app.t,
      'select card_key, choice_key, count from learning_choice_counts where path_id = $1 order by card_key, choice_key',
      [path.id],
    );
    expect(counts).toEqual(
      [
        { card_key: situation!.key, choice_key: situation!.choices![0]!.key, count: 1 },
        { card_key: quiz!.key, choice_key: wrong, count: 1 },
        { card_key: quiz!.key, choice_key: 'wrong', count: 1 },
      ].sort((a, b) => (a.card_key + a.choice_key).localeCompare(b.card_key + b.choice_key)),
    );
    const columns = await sql(
      app.t,
      `select column_name from information_schema.columns where table_name = 'learning_choice_counts' order by 1`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['card_key', 'choice_key', 'count', 'path_id']);

    // The authors see it; the visitor does not.
    const page = await moderator.get(`/en/paths/${path.id}/choices`);
    expect(page.statusCode).toBe(200);
    // One answer is too few to show.
    expect(page.body).toContain('Fewer than 5 answers so far: not shown yet.');
    expect(page.body).not.toContain('0 right and 1 wrong answers.');
    expect((await visitor.get(`/en/paths/${path.id}/choices`)).statusCode).toBe(303);

    // Taken again: back at card 1, the completion date kept.
    const again = await visitor.post('/en/learn/debts-first-steps/start', {});
    expect(location(again)).toBe(`/en/learn/debts-first-steps/${situation!.key}`);
    expect((await visitor.get('/en/learn/debts-first-steps/done')).body).toContain('Path completed');
  });

  it('a forged or another path’s cookie counts as no progress; a card that is gone sends back politely', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const one = await composeBranchingPath(app.t, moderator, 'cookie-one');
    const two = await composeBranchingPath(app.t, moderator, 'cookie-two');
    const visitor = new FormClient(app.t.app);
    await visitor.get('/en/learn/cookie-one');
    await visitor.post('/en/learn/cookie-one/start', {});
    const cookie = visitor.cookie(progressCookieName(one.id))!;
    expect(cookie).toMatch(/^k[0-9a-f]{10}\.-\./);
    // The same value under the other path's name, and a value changed by hand.
    visitor.setCookie(progressCookieName(two.id), cookie.replace(one.cards[0]!.key, two.cards[0]!.key));
    expect((await visitor.get('/en/learn/cookie-two')).body).not.toContain('You are at card');
    visitor.setCookie(progressCookieName(one.id), cookie.replace(/\.-\./, '.1700000000000.'));
    expect((await visitor.get('/en/learn/cookie-one/done')).body).toContain(
      'You have not finished this path yet.',
    );

    // The path changes under a learner: the card they were at is removed.
    visitor.setCookie(progressCookieName(one.id), cookie);
    const [first, second, third] = one.cards;
    await sql(app.t, 'update learning_paths set cards = $2 where id = $1', [
      one.id,
      JSON.stringify([{ ...second, next: '' }, third]),
    ]);
    const back = await visitor.get('/en/learn/cookie-one');
    expect(back.body).toContain('This path has changed since your last visit.');
    expect((await visitor.get(`/en/learn/cookie-one/${first!.key}`)).headers.location).toBe(
      '/en/learn/cookie-one',
    );
  });
});

describe('a signed-in learner', () => {
  it('keeps progress on the account (no cookie), may print the page with a name typed, and it is stored nowhere', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'account-progress');
    const learner = await signedInPerson(app.t, { locale: 'fr' });
    await learner.get('/fr/learn/account-progress');
    const started = await learner.post('/fr/learn/account-progress/start', {});
    expect(started.cookies).toEqual([]);
    const [situation, , quiz] = path.cards;
    await learner.get(location(started));
    await learner.post(`/fr/learn/account-progress/${situation!.key}`, {
      step: 'choose',
      choice: situation!.choices![1]!.key,
    });
    const [row] = await sql(
      app.t,
      'select card_key, completed_at from learning_progress where user_id = $1',
      [learner.id],
    );
    expect(row).toEqual({ card_key: quiz!.key, completed_at: null });
    const card = await learner.get(`/fr/learn/account-progress/${quiz!.key}`);
    expect(card.body).toContain('Vous êtes à la carte 3 sur 3');
    const right = quiz!.options!.find((o) => o.correct)!.key;
    await learner.post(`/fr/learn/account-progress/${quiz!.key}`, { step: 'answer', options: [right] });
    const [finished] = await sql(
      app.t,
      'select card_key, completed_at from learning_progress where user_id = $1',
      [learner.id],
    );
    expect(finished.card_key).toBeNull();
    expect(finished.completed_at).toBeInstanceOf(Date);
    await learner.get('/fr/learn/account-progress/done');
    const named = await learner.post('/fr/learn/account-progress/done', { name: 'Fatima <b>El</b> Idrissi' });
    expect(named.statusCode).toBe(200);
    expect(named.body).toContain('<p class="completion-name">Fatima &lt;b>El&lt;/b> Idrissi</p>');
    const stored = await sql(
      app.t,
      `select count(*)::int as n from learning_progress where row_to_json(learning_progress)::text like '%Fatima%'`,
    );
    expect(stored[0].n).toBe(0);
    // A visitor cannot put a name on it.
    const visitor = new FormClient(app.t.app);
    await visitor.get('/fr/learn/account-progress');
    expect((await visitor.post('/fr/learn/account-progress/done', { name: 'X' })).statusCode).toBe(401);
  });
});

const totalCounted = async (pathId: string) => {
  await flushChoiceCounts();
  return (
    await sql(
      app.t,
      'select coalesce(sum(count), 0)::int as n from learning_choice_counts where path_id = $1',
      [pathId],
    )
  )[0].n as number;
};

describe('a step counts only where the learner is', () => {
  it('a visitor who never started cannot post answers to a later card over and over: nothing counted', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'step-inflate');
    const quiz = path.cards[2]!;
    const wrong = quiz.options!.find((o) => !o.correct)!.key;
    const bot = new FormClient(app.t.app);
    await bot.get(`/en/learn/step-inflate/${quiz.key}`);
    for (let i = 0; i < 20; i++) {
      const res = await bot.post(`/en/learn/step-inflate/${quiz.key}`, { step: 'answer', options: [wrong] });
      // Sent to the path's first page: the visitor is at no card yet.
      expect(location(res)).toBe('/en/learn/step-inflate');
    }
    expect(await totalCounted(path.id)).toBe(0);
    // A visitor at card 1 posting to card 3 is sent back to card 1.
    await bot.post('/en/learn/step-inflate/start', {});
    const back = await bot.post(`/en/learn/step-inflate/${quiz.key}`, { step: 'answer', options: [wrong] });
    expect(location(back)).toBe(`/en/learn/step-inflate/${path.cards[0]!.key}`);
    expect(await totalCounted(path.id)).toBe(0);
  });

  it('a visitor cannot reach the completion page by posting straight to the last card', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'step-skip');
    const quiz = path.cards[2]!;
    const right = quiz.options!.find((o) => o.correct)!.key;
    const visitor = new FormClient(app.t.app);
    await visitor.get(`/en/learn/step-skip/${quiz.key}`);
    await visitor.post(`/en/learn/step-skip/${quiz.key}`, { step: 'answer', options: [right] });
    const done = (await visitor.get('/en/learn/step-skip/done')).body;
    expect(done).toContain('You have not finished this path yet.');
    expect(done).not.toContain('Path completed');
  });

  it('a composer previewing a draft is not counted', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'step-draft');
    await moderator.get(`/en/paths/${path.id}`);
    expect((await moderator.post(`/en/paths/${path.id}/unpublish`, {})).statusCode).toBe(303);
    const situation = path.cards[0]!;
    await moderator.get(`/en/learn/step-draft/${situation.key}`);
    const chose = await moderator.post(`/en/learn/step-draft/${situation.key}`, {
      step: 'choose',
      choice: situation.choices![0]!.key,
    });
    expect(location(chose)).toContain('/feedback?choice=');
    expect(await totalCounted(path.id)).toBe(0);
  });

  it('an answer with an odd option value goes to the feedback of the options of the card, no 500', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'step-header');
    const [situation, text, quiz] = path.cards;
    const right = quiz!.options!.find((o) => o.correct)!.key;
    const visitor = new FormClient(app.t.app);
    await visitor.get('/en/learn/step-header');
    await visitor.post('/en/learn/step-header/start', {});
    await visitor.post(`/en/learn/step-header/${situation!.key}`, {
      step: 'choose',
      choice: situation!.choices![0]!.key,
    });
    await visitor.post(`/en/learn/step-header/${text!.key}`, { step: 'continue' });
    const res = await visitor.post(`/en/learn/step-header/${quiz!.key}`, {
      step: 'answer',
      options: [right, 'Ā', 'a b&c'],
    });
    expect(res.statusCode).toBe(303);
    expect(location(res)).toBe(`/en/learn/step-header/${quiz!.key}/feedback?answer=${right}`);
  });

  it('a step posted to a card that is gone sends back to the path, like the card’s page', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    await composeBranchingPath(app.t, moderator, 'step-gone');
    const visitor = new FormClient(app.t.app);
    await visitor.get('/en/learn/step-gone');
    await visitor.post('/en/learn/step-gone/start', {});
    const res = await visitor.post('/en/learn/step-gone/k0123456789', { step: 'continue' });
    expect(res.statusCode).toBe(303);
    expect(location(res)).toBe('/en/learn/step-gone');
  });

  it('one address has at most a burst of steps counted; its steps are still taken', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'step-limit');
    const situation = path.cards[0]!;
    const visitor = new FormClient(app.t.app);
    await visitor.get('/en/learn/step-limit');
    let last;
    for (let i = 0; i < 100; i++) {
      await visitor.post('/en/learn/step-limit/start', {});
      last = await visitor.post(`/en/learn/step-limit/${situation.key}`, {
        step: 'choose',
        choice: situation.choices![0]!.key,
      });
    }
    expect(location(last!)).toContain('/feedback?choice=');
    const counted = await totalCounted(path.id);
    expect(counted).toBeGreaterThanOrEqual(60);
    expect(counted).toBeLessThan(80);
    // Another address is counted as usual.
    const other = new FormClient(app.t.app);
    await other.get('/en/learn/step-limit');
    await other.post('/en/learn/step-limit/start', {});
    await other.post(`/en/learn/step-limit/${situation.key}`, {
      step: 'choose',
      choice: situation.choices![0]!.key,
    });
    expect(await totalCounted(path.id)).toBe(counted + 1);
  });
});

describe('the counts tell nothing of one learner', () => {
  it('a signed-in learner’s choice is not written in the transaction of their progress (xmin)', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'count-xmin');
    const [situation, text, quiz] = path.cards;
    const learner = await signedInPerson(app.t);
    await learner.get('/en/learn/count-xmin');
    await learner.post('/en/learn/count-xmin/start', {});
    await learner.post(`/en/learn/count-xmin/${situation!.key}`, {
      step: 'choose',
      choice: situation!.choices![0]!.key,
    });
    await learner.post(`/en/learn/count-xmin/${text!.key}`, { step: 'continue' });
    const wrong = quiz!.options!.find((o) => !o.correct)!.key;
    await learner.post(`/en/learn/count-xmin/${quiz!.key}`, { step: 'answer', options: [wrong] });
    // Not yet written: the step is counted in the next batch.
    expect(await sql(app.t, 'select * from learning_choice_counts where path_id = $1', [path.id])).toEqual(
      [],
    );
    expect(await totalCounted(path.id)).toBe(3);
    const tied = await sql(
      app.t,
      `select c.choice_key from learning_choice_counts c join learning_progress p
         on p.xmin = c.xmin where p.user_id = $1 and c.path_id = $2`,
      [learner.id, path.id],
    );
    expect(tied).toEqual([]);
  });

  it('the authors see a card’s counts only from 5 answers on', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'count-five');
    const situation = path.cards[0]!;
    for (let i = 0; i < 5; i++) {
      const visitor = new FormClient(app.t.app);
      await visitor.get('/en/learn/count-five');
      await visitor.post('/en/learn/count-five/start', {});
      await visitor.post(`/en/learn/count-five/${situation.key}`, {
        step: 'choose',
        choice: situation.choices![i % 2]!.key,
      });
      await flushChoiceCounts();
      const page = await moderator.get(`/en/paths/${path.id}/choices`);
      expect(page.body).toContain('shown once it has at least 5 answers');
      // The situation's table (its two choices) only at the fifth; the quiz has none.
      expect(page.body.split('<table').length - 1).toBe(i === 4 ? 1 : 0);
    }
    const page = await moderator.get(`/en/paths/${path.id}/choices`);
    expect(page.body).toMatch(/Read the letter together<\/span><\/td><td>3<\/td>/);
    expect(page.body).toContain('Fewer than 5 answers so far: not shown yet.');
  });
});

describe('a path whose address changes', () => {
  it('a visitor keeps their progress: the cookie is sent to the new address too', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'old-slug');
    const visitor = new FormClient(app.t.app);
    await visitor.get('/en/learn/old-slug');
    const started = await visitor.post('/en/learn/old-slug/start', {});
    await visitor.post(`/en/learn/old-slug/${path.cards[0]!.key}`, {
      step: 'choose',
      choice: path.cards[0]!.choices![0]!.key,
    });
    await moderator.get(`/en/paths/${path.id}`);
    const edited = await moderator.post(`/en/paths/${path.id}`, {
      version: String(path.version),
      slug: 'new-slug',
      'title.nl': 't',
      'title.fr': 't',
      'title.en': 't',
    });
    expect(edited.statusCode).toBe(303);
    // A browser sends a cookie only under its Path (the test's jar ignores Path: checked here).
    const paths = (started.cookies as { path: string }[]).map((c) => c.path);
    const sent = (url: string) => paths.some((p) => url === p || url.startsWith(`${p}/`));
    expect(sent('/en/learn/new-slug')).toBe(true);
    expect((await visitor.get('/en/learn/new-slug')).body).toContain('You are at card 2 of 3');
  });
});
