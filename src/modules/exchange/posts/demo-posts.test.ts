import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { brusselsDay } from './dates.ts';
import { loadDemoPosts } from './demo-posts.ts';
import { matchPosts } from './match-posts.ts';
import { findPost } from './posts.repo.ts';
import { searchPosts } from './search-posts.ts';

const app = useTestApp();

describe('loadDemoPosts', () => {
  it('gives demo organisations a few demo posts, once, on the board, the Tigrinya ones matching', async () => {
    const { database } = app.t;
    const now = new Date();
    expect(await loadDemoPosts(database.db, now)).toBe(5);
    const { rows } = await database.pool.query(
      `select p.id, p.is_demo, p.author_id, o.is_demo as org_demo, p.kind, p.direction
         from exchange_posts p join organisations o on o.id = p.organisation_id`,
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.is_demo && r.org_demo && r.author_id === null)).toBe(true);
    const today = brusselsDay(now);
    const board = await searchPosts(database.db, { page: 1, perPage: 20 }, today);
    expect(board.hits).toHaveLength(5);
    const request = rows.find((r) => r.kind === 'interpreting' && r.direction === 'request')!;
    const offer = rows.find((r) => r.kind === 'interpreting' && r.direction === 'offer')!;
    const matches = await matchPosts(database.db, (await findPost(database.db, request.id))!, today);
    expect(matches.map((m) => m.id)).toEqual([offer.id]);
    expect(await loadDemoPosts(database.db, now)).toBe(0);
  });
});
