// Composing paths through the real HTTP app, without JavaScript: a path of cards built one form at
// a time, moved and removed; every refusal says in words what is wrong (a card nobody can reach is
// named) and changes nothing; who composes (moderators, allowed organisations) and who does not;
// an audit entry for every change.
import { describe, expect, it } from 'vitest';
import {
  addCard,
  composeBranchingPath,
  pathRow,
  quizCard,
  situationCard,
  textCard,
} from '../../../../test/helpers/learning.ts';
import { memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

const audit = async (id: string) =>
  (await sql(app.t, `select event from audit_log where subject_id = $1 order by at, event`, [id])).map(
    (r) => r.event,
  );

describe('composing a path', () => {
  it('refuses a card nobody can reach, naming it, and stores nothing of the change', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'unreachable-check');
    const [situation, text, quiz] = path.cards;
    // Choice 2 already leads to the quiz; card 2 leading to the end leaves the quiz reachable.
    await moderator.get(`/en/paths/${path.id}/cards/${text!.key}`);
    const edited = await moderator.post(`/en/paths/${path.id}/cards/${text!.key}`, {
      ...textCard('The CPAS offers debt counselling.', { concepts: '/en/glossary/ocmw', next: 'end' }),
      version: String(path.version),
    });
    expect(edited.statusCode).toBe(303);
    // Now choice 2 back to "the following card" (card 2): nothing leads to the quiz any more.
    const before = await pathRow(app.t, path.id);
    await moderator.get(`/en/paths/${path.id}/cards/${situation!.key}`);
    const form = await moderator.get(`/en/paths/${path.id}/cards/${situation!.key}`);
    expect(form.body).toContain('value="Pay it for them"');
    const refused = await moderator.post(`/en/paths/${path.id}/cards/${situation!.key}`, {
      kind: 'situation',
      'text.nl': 'x',
      'text.fr': 'x',
      'text.en': 'A neighbour shows you a reminder from a bailiff.',
      'choice1.label.nl': 'a',
      'choice1.label.fr': 'a',
      'choice1.label.en': 'Read the letter together',
      'choice1.feedback.nl': 'a',
      'choice1.feedback.fr': 'a',
      'choice1.feedback.en': 'Good.',
      'choice2.label.nl': 'b',
      'choice2.label.fr': 'b',
      'choice2.label.en': 'Pay it for them',
      'choice2.feedback.nl': 'b',
      'choice2.feedback.fr': 'b',
      'choice2.feedback.en': 'Kind.',
      'choice2.next': '',
      version: String(before.version),
    });
    expectRefused(refused, 'Card 3: No card leads to this card: it cannot be reached from the first.');
    expect(await pathRow(app.t, path.id)).toEqual(before);
    expect(quiz!.kind).toBe('quiz');

    // A text missing in a language, a quiz without a right option, a glossary word that is not one.
    const bad = await moderator.post(`/en/paths/${path.id}/cards/new`, {
      ...quizCard('Which papers?', [{ label: 'A' }, { label: 'B' }], 'Because.'),
      'text.fr': '',
      version: String(before.version),
    });
    expectRefused(bad, 'Fill this in in Dutch, French and English.', 'Mark at least one option as right.');
    const word = await moderator.post(`/en/paths/${path.id}/cards/new`, {
      ...textCard('See the glossary.', { concepts: 'not-a-concept' }),
      version: String(before.version),
    });
    expectRefused(word, 'At most 10 words, each from the glossary.');
    // A form made from an older version of the path.
    const stale = await moderator.post(`/en/paths/${path.id}/cards/new`, {
      ...textCard('Late.'),
      version: String(before.version - 1),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this path meanwhile.');
    expect(await pathRow(app.t, path.id)).toEqual(before);

    // Removing the card choice 1 leads to: choice 1 then leads to the following card, the quiz.
    await moderator.get(`/en/paths/${path.id}`);
    const removed = await moderator.post(`/en/paths/${path.id}/cards/${text!.key}/remove`, {
      version: String(before.version),
    });
    expect(removed.statusCode).toBe(303);
    expect((await pathRow(app.t, path.id)).cards.map((c) => c.key)).toEqual([situation!.key, quiz!.key]);
    // Removing the quiz that choice 2 leads to: refused, naming card 1; moving the quiz first is fine.
    const after = await pathRow(app.t, path.id);
    const refusedRemoval = await moderator.post(`/en/paths/${path.id}/cards/${quiz!.key}/remove`, {
      version: String(after.version),
    });
    expectRefused(refusedRemoval, 'Card 1: This card leads to a card that does not exist (any more).');
    expect(await pathRow(app.t, path.id)).toEqual(after);
    await moderator.get(`/en/paths/${path.id}`);
    const moved = await moderator.post(`/en/paths/${path.id}/cards/${quiz!.key}/move`, {
      version: String(after.version),
      direction: 'up',
    });
    expect(moved.statusCode).toBe(303);
    expect((await pathRow(app.t, path.id)).cards.map((c) => c.key)).toEqual([quiz!.key, situation!.key]);
    expect(await audit(path.id)).toEqual(
      expect.arrayContaining([
        'learning.path_created',
        'learning.card_added',
        'learning.card_changed',
        'learning.path_published',
        'learning.card_removed',
        'learning.card_moved',
      ]),
    );
  });

  it('checks the path’s address and texts, and publishes only a path with cards', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    await moderator.get('/en/paths/new');
    const bad = await moderator.post('/en/paths/new', { slug: 'Not a slug!', 'title.en': 'Only English' });
    expectRefused(bad, 'Between 3 and 60 characters', 'Fill this in in Dutch, French and English.');
    const created = await moderator.post('/en/paths/new', {
      slug: 'empty-path',
      'title.nl': 'Leeg',
      'title.fr': 'Vide',
      'title.en': 'Empty',
    });
    const id = /\/paths\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
    const taken = await moderator.post('/en/paths/new', {
      slug: 'empty-path',
      'title.nl': 'Leeg',
      'title.fr': 'Vide',
      'title.en': 'Empty',
    });
    expectRefused(taken, 'Another path already has this address.');
    await moderator.get(`/en/paths/${id}`);
    expectRefused(
      await moderator.post(`/en/paths/${id}/publish`, {}),
      'Add at least one card before publishing.',
    );
    expect((await pathRow(app.t, id)).status).toBe('draft');
    // A draft is not found by visitors.
    expect((await app.get('/en/learn/empty-path')).statusCode).toBe(404);
    await addCard(app.t, moderator, id, textCard('Only a text.', { next: 'end' }));
    await moderator.get(`/en/paths/${id}`);
    expect((await moderator.post(`/en/paths/${id}/publish`, {})).statusCode).toBe(303);
    expect((await app.get('/en/learn/empty-path')).statusCode).toBe(200);
    await moderator.get(`/en/paths/${id}`);
    expect((await moderator.post(`/en/paths/${id}/unpublish`, {})).statusCode).toBe(303);
    expect((await app.get('/en/learn/empty-path')).statusCode).toBe(404);
  });
});

describe('who composes', () => {
  it('an organisation a moderator allowed, through its admins and editors, until withdrawn', async () => {
    const [{ id: org }] = await sql(app.t, 'select id from organisations order by provenance_id limit 1');
    const editor = await memberOf(app.t, org, ['editor']);
    const referrer = await memberOf(app.t, org, ['referrer']);
    expect((await editor.get('/en/paths/new')).statusCode).toBe(403);
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    await moderator.get('/en/paths/composers');
    expectRefused(
      await moderator.post('/en/paths/composers', { organisation: 'nobody' }),
      'This is not the address',
    );
    const allowed = await moderator.post('/en/paths/composers', {
      organisation: `https://passerelle.brussels/fr/organisations/${org}`,
    });
    expect(allowed.statusCode).toBe(303);
    expect((await moderator.get('/en/paths/composers')).body).toContain(`/en/organisations/${org}`);

    const path = await composeBranchingPath(app.t, editor, 'editor-path');
    expect(path.organisation_id).toBe(org);
    expect((await referrer.get('/en/paths/new')).statusCode).toBe(403);
    // Members of the organisation (any role) read its counts; others do not.
    expect((await referrer.get(`/en/paths/${path.id}/choices`)).statusCode).toBe(200);
    const outsider = await signedInPerson(app.t);
    expect((await outsider.get(`/en/paths/${path.id}/choices`)).statusCode).toBe(403);
    expect((await outsider.get(`/en/paths/${path.id}`)).statusCode).toBe(403);

    await moderator.get('/en/paths/composers');
    expect((await moderator.post(`/en/paths/composers/${org}/withdraw`, {})).statusCode).toBe(303);
    expect((await editor.get(`/en/paths/${path.id}`)).statusCode).toBe(403);
    expect(await audit(org)).toEqual(['learning.composer_allowed', 'learning.composer_withdrawn']);
    // The editor alone is refused; the moderator's list still has the path.
    expect((await moderator.get('/en/paths')).body).toContain(`/en/paths/${path.id}`);
  });
});

describe('review fixes', () => {
  it('a draft’s counts are only for those who compose it: not found (404) for the others', async () => {
    const [{ id: org }] = await sql(
      app.t,
      'select id from organisations order by provenance_id limit 1 offset 1',
    );
    await sql(app.t, 'insert into learning_composers (organisation_id) values ($1) on conflict do nothing', [
      org,
    ]);
    const editor = await memberOf(app.t, org, ['editor']);
    const path = await composeBranchingPath(app.t, editor, 'draft-counts');
    await editor.get(`/en/paths/${path.id}`);
    expect((await editor.post(`/en/paths/${path.id}/unpublish`, {})).statusCode).toBe(303);
    const referrer = await memberOf(app.t, org, ['referrer']);
    expect((await referrer.get('/en/learn/draft-counts')).statusCode).toBe(404);
    const counts = await referrer.get(`/en/paths/${path.id}/choices`);
    expect(counts.statusCode).toBe(404);
    expect(counts.body).not.toContain('A neighbour shows you a reminder from a bailiff.');
    expect((await (await signedInPerson(app.t)).get(`/en/paths/${path.id}/choices`)).statusCode).toBe(404);
    expect((await editor.get(`/en/paths/${path.id}/choices`)).statusCode).toBe(200);
  });

  it('the last card of a published path cannot be removed: told why, nothing changed', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    await moderator.get('/en/paths/new');
    const created = await moderator.post('/en/paths/new', {
      slug: 'one-card',
      'title.nl': 'One',
      'title.fr': 'One',
      'title.en': 'One',
    });
    const id = /\/paths\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
    const key = await addCard(app.t, moderator, id, textCard('The only card.'));
    await moderator.get(`/en/paths/${id}`);
    expect((await moderator.post(`/en/paths/${id}/publish`, {})).statusCode).toBe(303);
    const before = await pathRow(app.t, id);
    await moderator.get(`/en/paths/${id}`);
    const res = await moderator.post(`/en/paths/${id}/cards/${key}/remove`, {
      version: String(before.version),
    });
    expectRefused(res, 'A published path keeps at least one card');
    const after = await pathRow(app.t, id);
    expect({ cards: after.cards.length, version: after.version }).toEqual({
      cards: 1,
      version: before.version,
    });
  });

  it('two choices of one card posted with the same key get keys of their own', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    const path = await composeBranchingPath(app.t, moderator, 'dup-keys');
    const situation = path.cards[0]!;
    await moderator.get(`/en/paths/${path.id}/cards/${situation.key}`);
    const saved = await moderator.post(`/en/paths/${path.id}/cards/${situation.key}`, {
      ...situationCard('A neighbour shows you a reminder from a bailiff.', [
        { label: 'Read the letter together', feedback: 'Good.' },
        { label: 'Pay it for them', feedback: 'Kind.', next: path.cards[2]!.key },
      ]),
      'choice1.key': situation.choices![0]!.key,
      'choice2.key': situation.choices![0]!.key,
      version: String(path.version),
    });
    expect(saved.statusCode).toBe(303);
    const keys = (await pathRow(app.t, path.id)).cards[0]!.choices!.map((c) => c.key);
    expect(new Set(keys).size).toBe(2);
    // The first keeps its key (its counts and learners' feedback links still apply).
    expect(keys[0]).toBe(situation.choices![0]!.key);
  });
});
