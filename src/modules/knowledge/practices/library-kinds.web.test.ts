// The library's filter by kind of organisation, through the app: it offers the kinds of the
// organisations of the published practices as they are now, no other, and follows a publish and an
// unpublish at the next request, an organisation's change of kind within `kindsMs` (the library
// keeps the kinds that long, as an organisation's profile is not a practice).
import { describe, expect, it, vi } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { kindsMs } from './practices-library.ts';

const app = useTestApp();

/** The kinds the library's filter offers. */
async function offered(client: FormClient): Promise<string[]> {
  const page = await client.get('/en/practices');
  const select = /<select id="filter-kind" name="kind">([\s\S]*?)<\/select>/.exec(page.body)![1]!;
  return [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]!).filter(Boolean);
}

describe('the library’s kinds of organisation', () => {
  it('offers the kinds the published practices’ organisations have now', async () => {
    const [{ id: owner }] = await sql(app.t, `select id from organisations where kind = 'formal' limit 1`);
    const [{ id: group }] = await sql(
      app.t,
      `select id from organisations where kind = 'self_organisation' limit 1`,
    );
    const visitor = new FormClient(app.t.app);
    // No practice published: no kind to offer (every kind of the vocabulary was offered before).
    expect(await offered(visitor)).toEqual([]);

    const author = await memberOf(app.t, owner, ['referrer'], { locale: 'en' });
    await author.get('/en/practices/new');
    const made = await author.post('/en/practices/new', {
      'title.en': 'Sharing interpreters between a centre and a group',
      organisations: group,
      themes: ['income'],
      communes: ['21004'],
    });
    expect(made.statusCode, made.body.slice(0, 2000)).toBe(303);
    const slug = /\/practices\/([a-z0-9-]+)\?/.exec(made.headers.location as string)![1]!;
    // A draft is nobody's to find: its kinds are not offered.
    expect(await offered(visitor)).toEqual([]);

    await author.get(`/en/practices/${slug}`);
    expect((await author.post(`/en/practices/${slug}/publish`, {})).statusCode).toBe(303);
    expect(await offered(visitor)).toEqual(['formal', 'self_organisation']);
    expect((await visitor.get('/en/practices?kind=self_organisation')).body).toContain(slug);
    // A kind no published practice has is neither offered nor applied.
    expect((await visitor.get('/en/practices?kind=sports_culture_club')).body).toContain(slug);

    // The group becomes a faith community in its profile: the filter follows once the kinds kept
    // are older than kindsMs.
    await sql(app.t, `update organisations set kind = 'faith_community' where id = $1`, [group]);
    expect(await offered(visitor)).toEqual(['formal', 'self_organisation']);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + kindsMs + 1_000 });
    expect(await offered(visitor)).toEqual(['formal', 'faith_community']);
    vi.useRealTimers();
    expect((await visitor.get('/en/practices?kind=faith_community')).body).toContain(slug);
    const [{ kinds }] = await sql(
      app.t,
      'select organisation_kinds as kinds from practices where slug = $1',
      [slug],
    );
    expect(kinds).toContain('self_organisation');

    await author.get(`/en/practices/${slug}`);
    expect((await author.post(`/en/practices/${slug}/unpublish`, {})).statusCode).toBe(303);
    expect(await offered(visitor)).toEqual([]);
    expect((await visitor.get('/en/practices?kind=formal')).body).not.toContain(slug);
  });
});
