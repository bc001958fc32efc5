import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { loadDemoQuestions } from './demo-questions.ts';
import { visitor } from './questions.policy.ts';
import { searchQuestions } from './search-questions.ts';

const app = useTestApp();

describe('loadDemoQuestions', () => {
  it('gives demo organisations a few demo questions with answers, once, that search finds across languages', async () => {
    const { database } = app.t;
    const now = new Date();
    expect(await loadDemoQuestions(database.db, now)).toBe(4);
    const { rows } = await database.pool.query(
      `select q.is_demo, q.author_id, q.language, q.visibility, o.is_demo as org_demo, q.answer_count,
              q.accepted_answer_id is not null as accepted, q.last_activity_at <= $1 as past,
              (select count(*)::int from answers a join services s on s.id = any(a.service_ids)
                 join organisations so on so.id = s.organisation_id
                where a.question_id = q.id and so.is_demo) as linked
         from questions q join organisations o on o.id = q.organisation_id`,
      [now],
    );
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.is_demo && r.org_demo && r.author_id === null && r.past)).toBe(true);
    expect(rows.reduce((n, r) => n + r.answer_count, 0)).toBe(5);
    expect(rows.filter((r) => r.accepted)).toHaveLength(2);
    expect(rows.filter((r) => r.visibility === 'members')).toHaveLength(1);
    expect(rows.reduce((n, r) => n + r.linked, 0)).toBeGreaterThanOrEqual(3);
    const { rows: authors } = await database.pool.query(
      'select count(*)::int as n from answers where author_id is not null',
    );
    expect(authors[0].n).toBe(0);

    // A Dutch word finds the French question through the thesaurus; the members' question stays
    // out of a visitor's results.
    const leefloon = await searchQuestions(database.db, visitor, { q: 'leefloon', page: 1, perPage: 10 });
    expect(leefloon.hits.map((h) => h.title)).toEqual([
      'Quels documents pour demander le revenu d’intégration au CPAS ?',
    ]);
    expect(leefloon.hits[0]!.isDemo).toBe(true);
    const all = await searchQuestions(database.db, visitor, { page: 1, perPage: 10 });
    expect(all.hits).toHaveLength(3);

    expect(await loadDemoQuestions(database.db, now)).toBe(0);
  });

  it('shows them as demo on the list and on their page, written by "a demo member"', async () => {
    const list = await app.t.app.inject({ url: '/fr/questions' });
    expect(list.statusCode).toBe(200);
    expect(list.body.match(/<li class="badge">Démo<\/li>/g)).toHaveLength(3);
    const id = /href="\/fr\/questions\/([0-9a-f-]{36})"/.exec(list.body)![1];
    const page = await app.t.app.inject({ url: `/fr/questions/${id}` });
    expect(page.body).toContain('Question de démonstration : inventée');
    expect(page.body).toContain('Un membre de démonstration, pour ');
    expect(page.body).not.toContain('Un ancien membre');
  });
});
