// The matching of offers and requests, on a database: the other direction, the same kind, open and
// not past its date, another organisation, an overlapping place, and for interpreting a language in
// common; the best first.
import { describe, expect, it } from 'vitest';
import { sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import type { CheckedPost } from './check-post.ts';
import { matchPosts } from './match-posts.ts';
import { insertPost } from './posts.repo.ts';

const app = useTestApp();
const today = '2026-12-05';

function fields(over: Partial<CheckedPost>): CheckedPost {
  return {
    direction: 'offer',
    kind: 'interpreting',
    title: { en: 'A post for the matching test' },
    body: {},
    languages: ['ti'],
    themes: [],
    communes: [],
    allBrussels: true,
    until: '2027-01-31',
    informalMayAnswer: true,
    ...over,
  };
}

describe('matchPosts', () => {
  it('finds the offers of a request, and the requests of an offer, best first', async () => {
    const { db } = app.t.database;
    const [a, b, c] = (await sql(app.t, 'select id from organisations order by provenance_id limit 3')).map(
      (r) => r.id as string,
    );
    const now = new Date('2026-12-01T10:00:00Z');
    const add = async (organisationId: string, over: Partial<CheckedPost>, at = now) => ({
      id: await insertPost(db, { ...fields(over), organisationId, authorId: null, now: at }),
      organisationId,
      ...fields(over),
    });
    const request = await add(a!, {
      direction: 'request',
      languages: ['ti', 'am'],
      themes: ['youth.homework', 'social-support.interpreting'],
      communes: ['21015'],
      allBrussels: false,
    });
    const bothLanguages = await add(b!, { languages: ['am', 'ti'] });
    const oneLanguageTheme = await add(c!, {
      languages: ['ti'],
      themes: ['social-support.interpreting'],
      communes: ['21015'],
      allBrussels: false,
    });
    const oneLanguage = await add(b!, { languages: ['ti'] }, new Date('2026-12-02T10:00:00Z'));
    // None of these match: another language, another commune, another kind, a request, own
    // organisation, closed, past its date.
    await add(b!, { languages: ['ar'] });
    await add(b!, { communes: ['21009'], allBrussels: false });
    await add(b!, { kind: 'transport' });
    await add(b!, { direction: 'request' });
    await add(a!, {});
    const closed = await add(c!, {});
    await sql(app.t, `update exchange_posts set status = 'closed' where id = $1`, [closed.id]);
    await add(c!, { until: '2026-12-04' });

    const offers = await matchPosts(db, request, today);
    expect(offers.map((m) => m.id)).toEqual([bothLanguages.id, oneLanguageTheme.id, oneLanguage.id]);
    expect(offers[0]).toMatchObject({ sharedLanguages: ['am', 'ti'], sharedThemes: 0 });
    expect(offers[1]).toMatchObject({ sharedLanguages: ['ti'], sharedThemes: 1 });

    // The other way round: the offer for all Brussels finds the request in Schaerbeek.
    const requests = await matchPosts(db, oneLanguage, today);
    expect(requests.map((m) => m.id)).toEqual([request.id]);
    // For other kinds, languages do not decide (they only rank).
    const room = await add(a!, { direction: 'request', kind: 'room_or_material', languages: [] });
    const offered = await add(b!, { kind: 'room_or_material', languages: ['fr'] });
    expect((await matchPosts(db, room, today)).map((m) => m.id)).toEqual([offered.id]);
  });
});
