// The signal form through the real HTTP app, without JavaScript: a visitor's signal waits for the
// moderators, a member's counts for her organisation, bad input gets its message in the reader's
// language with nothing stored, and a flood from one address is stopped.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../test/helpers/form-client.ts';
import { memberOf, signedInPerson, sql } from '../../../test/helpers/members.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';

const app = useTestApp();
const signal = {
  themes: ['housing', 'food'],
  commune: '21012',
  target_group: 'families',
  people: '6_20',
  seen_on: '2026-11-20',
  note: 'Des familles dorment dans des voitures près du canal.',
};
const count = async () => (await sql(app.t, 'select count(*)::int as n from need_signals'))[0].n as number;

describe('the signal form', () => {
  it('takes a visitor’s signal for the moderators, and never asks for a name', async () => {
    const visitor = new FormClient(app.t.app);
    const form = await visitor.get('/fr/signals/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('N’écrivez jamais ici le nom');
    expect(form.body).toContain('un modérateur regarde votre signal');
    expect(form.body).not.toMatch(/name="[^"]*name[^"]*"/);
    const sent = await visitor.post('/fr/signals/new', signal);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/fr/signals/new?done=pending');
    expect((await visitor.get('/fr/signals/new?done=pending')).body).toContain(
      'Merci : un modérateur va regarder votre signal.',
    );
    const [row] = await sql(app.t, 'select * from need_signals order by created_at desc limit 1');
    expect(row).toMatchObject({ status: 'pending', origin: 'visitor', organisation_id: null });
    expect(row.theme_codes).toEqual(['housing', 'food']);
  });

  it('publishes a member’s signal for her organisation', async () => {
    const [{ id: org }] = await sql(app.t, 'select id from organisations order by provenance_id limit 1');
    const member = await memberOf(app.t, org, ['editor'], { locale: 'nl' });
    const form = await member.get('/nl/signals/new');
    expect(form.body).toContain('Gesignaleerd door');
    const sent = await member.post('/nl/signals/new', { ...signal, organisation: org });
    expect(sent.headers.location).toBe('/nl/signals/new?done=published');
    const [row] = await sql(app.t, 'select * from need_signals where organisation_id = $1', [org]);
    expect(row).toMatchObject({ status: 'published', origin: 'member', created_by: member.id });

    // Its members read their organisation's signals, with the text; another organisation's do not.
    const own = await member.get(`/nl/manage/organisations/${org}/signals`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(signal.note);
    expect(own.body).toContain('Telt mee');
    const [{ id: other }] = await sql(app.t, 'select id from organisations where id <> $1 limit 1', [org]);
    const outsider = await memberOf(app.t, other, ['admin']);
    const refused = await outsider.get(`/nl/manage/organisations/${org}/signals`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain(signal.note);
  });

  it('names every problem in the reader’s language, keeps what was typed, and stores nothing', async () => {
    const visitor = new FormClient(app.t.app);
    await visitor.get('/en/signals/new');
    const before = await count();
    const refused = await visitor.post('/en/signals/new', {
      themes: 'astrology',
      commune: '',
      quartier: '',
      target_group: 'families',
      people: '6_20',
      seen_on: '2031-01-01',
      note: 'x'.repeat(10_000),
    });
    expect(refused.statusCode).toBe(400);
    for (const message of [
      'Choose one or more themes from the list.',
      'Say where: pick a quartier or a commune, or give a postcode or a street.',
      'This date is still to come.',
      'Keep it short: at most 1,000 characters.',
    ])
      expect(refused.body).toContain(message);
    expect(refused.body).toContain('value="2031-01-01"');
    await visitor.get('/fr/signals/new');
    const french = await visitor.post('/fr/signals/new', { ...signal, seen_on: '1999-12-31' });
    expect(french.statusCode).toBe(400);
    expect(french.body).toContain('Donnez une date à partir de l’an 2000.');
    expect(await count()).toBe(before);
  });

  it('places a point picked on the map in its quartier, and refuses one outside Brussels', async () => {
    const visitor = new FormClient(app.t.app);
    const form = await visitor.get('/en/signals/new');
    // The map and its coordinate fields are offered only once the map script shows them.
    expect(form.body).toMatch(/<div class="map-pick" data-map-pick hidden>/);
    const { commune: _, ...elsewhere } = signal;
    // Place Flagey, Ixelles.
    const sent = await visitor.post('/en/signals/new', {
      ...elsewhere,
      'point-latitude': '50.827500',
      'point-longitude': '4.372400',
    });
    expect(sent.statusCode).toBe(303);
    const [row] = await sql(app.t, 'select * from need_signals order by created_at desc limit 1');
    expect(row.commune_nis).toBe('21009');
    expect(row.quartier_code).not.toBeNull();

    const before = await count();
    // Antwerp's cathedral.
    const outside = await visitor.post('/en/signals/new', {
      ...elsewhere,
      'point-latitude': '51.220300',
      'point-longitude': '4.401500',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('This point is not in the Brussels-Capital Region.');
    expect(outside.body).toContain('value="51.220300"');
    expect(await count()).toBe(before);
  });

  it('stops a flood of signals from one address', async () => {
    const visitor = new FormClient(app.t.app);
    await visitor.get('/en/signals/new');
    const statuses: number[] = [];
    // Ten an hour per address (each test browser has its own).
    for (let i = 0; i < 11; i++) statuses.push((await visitor.post('/en/signals/new', signal)).statusCode);
    expect(statuses).toEqual([...Array(10).fill(303), 429]);
    const last = await visitor.post('/en/signals/new', signal);
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expect(last.body).toContain('Too many');
  });
});

describe('the moderators’ queue of visitors’ signals', () => {
  it('shows a moderator the waiting signals with their text, to publish or reject, once each', async () => {
    const visitor = new FormClient(app.t.app);
    await visitor.get('/en/signals/new');
    const note = 'Older people alone near Place Flagey ask for help with letters.';
    await visitor.post('/en/signals/new', { ...signal, commune: '21009', note });
    const [{ id }] = await sql(
      app.t,
      `select id from need_signals where status = 'pending' order by created_at desc limit 1`,
    );

    const member = await memberOf(app.t, (await sql(app.t, 'select id from organisations limit 1'))[0].id, [
      'admin',
    ]);
    expect((await member.get('/en/moderation/signals')).statusCode).toBe(404);
    expect((await member.post(`/en/moderation/signals/${id}/publish`, {})).statusCode).toBe(404);

    const moderator = await signedInPerson(app.t, { platformRole: 'moderator', locale: 'fr' });
    const queue = await moderator.get('/fr/moderation/signals');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(note);
    expect(queue.body).toContain('Ixelles');
    const published = await moderator.post(`/fr/moderation/signals/${id}/publish`, {});
    expect(published.headers.location).toBe('/fr/moderation/signals?done=published');
    expect((await moderator.get('/fr/moderation/signals?done=published')).body).not.toContain(note);
    const [row] = await sql(app.t, 'select status, decided_by from need_signals where id = $1', [id]);
    expect(row).toEqual({ status: 'published', decided_by: moderator.id });
    expect((await moderator.post(`/fr/moderation/signals/${id}/reject`, {})).statusCode).toBe(409);
    const audit = await sql(app.t, `select event from audit_log where subject_id = $1 order by at`, [id]);
    expect(audit.map((a) => a.event)).toEqual(['signal.created', 'signal.published']);
  });
});
