// The moderators' tools for the shared worksheet lists, through the real HTTP app as browsers
// without JavaScript: two organisations type one obstacle in Dutch and in French; a moderator finds
// both among the items missing a language, translates one (the practice is then found by the new
// words), is refused a label another item has and a stale form, with nothing changed, is refused a
// merge across lists, and merges the two (the practices use the one kept, once each, and the
// library's filter and search find them by it). Members and strangers are refused.
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { type Member, memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { mergeChoices } from './item-pages-data.ts';

const app = useTestApp();

async function seeded(): Promise<Record<string, string>> {
  const rows = await sql(app.t, 'select code, id from worksheet_items where code is not null');
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

/** A published practice written through the forms, with these obstacles; its slug. */
async function published(
  member: Member,
  lang: 'nl' | 'fr',
  title: string,
  obstacles: string[],
  newObstacles = '',
) {
  await member.get(`/${lang}/practices/new`);
  const res = await member.post(`/${lang}/practices/new`, {
    [`title.${lang}`]: title,
    obstacles,
    new_obstacles: newObstacles,
  });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  const slug = /\/practices\/([a-z0-9-]+)\?done=created/.exec(res.headers.location as string)![1]!;
  expect((await member.post(`/${lang}/practices/${slug}/publish`, {})).statusCode).toBe(303);
  return slug;
}

const itemByLabel = async (label: string) =>
  (
    await sql(
      app.t,
      `select id, kind, labels, folded from worksheet_items where labels ->> 'nl' = $1 or labels ->> 'fr' = $1`,
      [label],
    )
  )[0];
const practiceLists = async (slug: string) =>
  (await sql(app.t, 'select obstacles, levers, tools from practices where slug = $1', [slug]))[0];
const audits = async (event: string, subject: string) =>
  (await sql(app.t, 'select details from audit_log where event = $1 and subject_id = $2', [event, subject]))
    .length;

let worlds = 0;
async function world() {
  const n = ++worlds;
  const nlLabel = `Wachtlijsten bij de tolkendienst ${n}`;
  const frLabel = `Listes d’attente du service d’interprétariat ${n}`;
  const [a, b] = await sql(app.t, 'select id from organisations order by provenance_id limit 2');
  const nlAuthor = await memberOf(app.t, a.id, ['referrer'], { locale: 'nl' });
  const frAuthor = await memberOf(app.t, b.id, ['referrer'], { locale: 'fr' });
  const moderator = await signedInPerson(app.t, { platformRole: 'moderator', locale: 'en' });
  const items = await seeded();
  const nlSlug = await published(
    nlAuthor,
    'nl',
    'Samen wachten op de tolkendienst',
    [items.language_barrier!],
    nlLabel,
  );
  const frSlug = await published(frAuthor, 'fr', 'Attendre ensemble le service d’interprètes', [], frLabel);
  const nlItem = await itemByLabel(nlLabel);
  const frItem = await itemByLabel(frLabel);
  return { nlAuthor, frAuthor, moderator, items, nlSlug, frSlug, nlItem, frItem, nlLabel, frLabel };
}

describe('the shared worksheet lists, for moderators', () => {
  it('moderators see every item with its labels, uses and missing languages; members and strangers are refused', async () => {
    const { nlAuthor, moderator, nlItem, frItem, nlLabel, frLabel } = await world();
    await moderator.get('/en/password/forgot');
    const library = await moderator.get('/en/practices');
    expect(library.body).toContain('href="/en/practices/items"');
    expect((await nlAuthor.get('/nl/practices')).body).not.toContain('/nl/practices/items');

    const all = await moderator.get('/en/practices/items');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Language barrier');
    expect(all.body).toContain('Used by one published practice');
    expect(all.body).toContain(`/en/practices/items/${nlItem.id}`);
    // Missing a language: the typed items, not the seeded ones translated in the three.
    const missing = await moderator.get('/en/practices/items?missing=any&kind=obstacle');
    expect(missing.body).toContain(nlLabel);
    expect(missing.body).toContain(frLabel);
    expect(missing.body).not.toContain('Language barrier');
    expect(missing.body).not.toContain('id="list-lever-title"');
    const noFrench = await moderator.get('/en/practices/items?missing=fr');
    expect(noFrench.body).toContain(nlLabel);
    expect(noFrench.body).not.toContain(frLabel);
    expect((await moderator.get(`/en/practices/items/${frItem.id}`)).statusCode).toBe(200);

    const stranger = await signedInPerson(app.t);
    const visitor = new FormClient(app.t.app);
    for (const person of [nlAuthor, stranger]) {
      expect((await person.get('/en/practices/items')).statusCode).toBe(403);
      expect((await person.get(`/en/practices/items/${nlItem.id}`)).statusCode).toBe(403);
      await person.get('/en/password/forgot');
      const translated = await person.post(`/en/practices/items/${nlItem.id}`, {
        'labels.en': 'Waiting lists',
      });
      expect(translated.statusCode).toBe(403);
      const merged = await person.post(`/en/practices/items/${nlItem.id}/merge`, { into: frItem.id });
      expect(merged.statusCode).toBe(403);
    }
    const login = await visitor.get('/en/practices/items');
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toMatch(/^\/en\/login\?next=/);
    expect(await itemByLabel(nlLabel)).toEqual(nlItem);
    expect(await itemByLabel(frLabel)).toEqual(frItem);
  });

  it('a moderator translates an item: the practices are found by the new words; a taken label or a stale form changes nothing', async () => {
    const { moderator, nlSlug, nlItem, nlLabel } = await world();
    const visitor = new FormClient(app.t.app);
    expect((await visitor.get('/en/practices?q=queues')).body).not.toContain(nlSlug);

    const form = await moderator.get(`/en/practices/items/${nlItem.id}`);
    const version = /name="version" value="([0-9a-f]+)"/.exec(form.body)![1]!;
    expect(form.body).toContain(`value="${nlLabel}"`);

    // Another item's English label, typed otherwise: refused, naming that item; nothing changed.
    const taken = await moderator.post(`/en/practices/items/${nlItem.id}`, {
      'labels.nl': nlLabel,
      'labels.en': '  language   BARRIER ',
      version,
    });
    expectRefused(
      taken,
      '“language BARRIER” already names another item of this list, in some language or as the former label of an item merged into it: “Language barrier”',
    );
    // Too short, and no label at all.
    expectRefused(
      await moderator.post(`/en/practices/items/${nlItem.id}`, {
        'labels.nl': nlLabel,
        'labels.fr': 'ab',
        version,
      }),
      'Between 3 and 120 characters',
    );
    expectRefused(
      await moderator.post(`/en/practices/items/${nlItem.id}`, { version }),
      'Give a label in at least one language.',
    );
    expect(await itemByLabel(nlLabel)).toEqual(nlItem);
    expect(await audits('knowledge.worksheet_item_translated', nlItem.id)).toBe(0);

    const saved = await moderator.post(`/en/practices/items/${nlItem.id}`, {
      'labels.nl': nlLabel,
      'labels.en': 'Queues at the interpreting service',
      version,
    });
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303);
    expect(saved.headers.location).toBe(`/en/practices/items/${nlItem.id}?done=translated`);
    const [row] = await sql(app.t, 'select labels, folded from worksheet_items where id = $1', [nlItem.id]);
    expect(row.labels).toEqual({ nl: nlLabel, en: 'Queues at the interpreting service' });
    expect(row.folded.sort()).toEqual(['queues at the interpreting service', nlLabel.toLowerCase()]);
    expect(await audits('knowledge.worksheet_item_translated', nlItem.id)).toBe(1);
    // The practice's search terms were made anew: found by the English words.
    expect((await visitor.get('/en/practices?q=queues')).body).toContain(nlSlug);
    expect((await visitor.get(`/en/practices/${nlSlug}`)).body).toContain(
      'Queues at the interpreting service',
    );

    // The form made before that change is refused, keeping what was typed with the new version.
    const stale = await moderator.post(`/en/practices/items/${nlItem.id}`, {
      'labels.nl': 'Wachtlijsten',
      version,
    });
    expectRefused(
      stale,
      'Another moderator changed this item’s labels while you were editing',
      'value="Wachtlijsten"',
    );
    expect(stale.body).not.toContain(`value="${version}"`);
    expect(
      (await sql(app.t, 'select labels from worksheet_items where id = $1', [nlItem.id]))[0].labels.nl,
    ).toBe(nlLabel);
  });

  it('a merge across lists or into itself is refused; a merge moves every practice to the item kept, once', async () => {
    const { nlAuthor, moderator, nlSlug, frSlug, nlItem, frItem, items, nlLabel, frLabel } = await world();
    const visitor = new FormClient(app.t.app);
    expect((await visitor.get('/fr/practices?q=attente')).body).not.toContain(nlSlug);
    // A practice that has both, and the seeded one between them.
    const both = await published(nlAuthor, 'nl', 'Beide wachtlijsten tegelijk', [
      nlItem.id,
      items.language_barrier!,
      frItem.id,
    ]);
    await moderator.get('/en/password/forgot');

    const across = await moderator.post(`/en/practices/items/${nlItem.id}/merge`, {
      into: items.interpreters!,
    });
    expectRefused(across, '“Interpreters” is in another list. Only items of the same list can be merged.');
    expectRefused(
      await moderator.post(`/en/practices/items/${nlItem.id}/merge`, { into: nlItem.id }),
      'an item cannot be merged into itself',
    );
    expectRefused(
      await moderator.post(`/en/practices/items/${nlItem.id}/merge`, { into: '' }),
      'Choose the item to keep',
    );
    expect(await itemByLabel(nlLabel)).toEqual(nlItem);
    expect((await practiceLists(both)).obstacles).toEqual([nlItem.id, items.language_barrier, frItem.id]);
    expect(await audits('knowledge.worksheet_item_merged', nlItem.id)).toBe(0);

    const merged = await moderator.post(`/en/practices/items/${nlItem.id}/merge`, { into: frItem.id });
    expect(merged.statusCode, merged.body.slice(0, 2000)).toBe(303);
    expect(merged.headers.location).toBe(`/en/practices/items/${frItem.id}?done=merged`);
    expect((await sql(app.t, 'select 1 from worksheet_items where id = $1', [nlItem.id])).length).toBe(0);
    expect((await practiceLists(nlSlug)).obstacles).toEqual([items.language_barrier, frItem.id]);
    expect((await practiceLists(frSlug)).obstacles).toEqual([frItem.id]);
    expect((await practiceLists(both)).obstacles).toEqual([frItem.id, items.language_barrier]);
    // The item kept took the Dutch label it lacked, and finds what authors type in Dutch.
    const [kept] = await sql(app.t, 'select labels, folded from worksheet_items where id = $1', [frItem.id]);
    expect(kept.labels).toEqual({ fr: frLabel, nl: nlLabel });
    expect(kept.folded).toContain(nlLabel.toLowerCase());
    expect(await audits('knowledge.worksheet_item_merged', nlItem.id)).toBe(1);
    expect((await moderator.get(`/en/practices/items/${nlItem.id}`)).statusCode).toBe(404);
    expect((await moderator.get(`/en/practices/items/${frItem.id}?done=merged`)).body).toContain(
      'Used by 3 published practices',
    );

    // The library's filter and search find the practices by the item kept.
    const filtered = (await visitor.get(`/fr/practices?obstacle=${frItem.id}`)).body;
    for (const slug of [nlSlug, frSlug, both]) expect(filtered).toContain(slug);
    expect((await visitor.get('/fr/practices?q=attente')).body).toContain(nlSlug);
    // An author typing the Dutch label again takes the item kept.
    const again = await published(nlAuthor, 'nl', 'Nog eens wachten op tolken', [], nlLabel.toUpperCase());
    expect((await practiceLists(again)).obstacles).toEqual([frItem.id]);
  });
});

describe('the merge form of a long list', () => {
  it('offers a bounded number of items to keep, and finds the others by their words', async () => {
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator', locale: 'en' });
    const rows = await sql(
      app.t,
      `insert into worksheet_items (kind, labels, folded)
       select 'tool', jsonb_build_object('en', 'Long list tool ' || n), array['long list tool ' || n]
       from generate_series(1, $1::int) as n returning id`,
      [mergeChoices + 30],
    );
    const page = await moderator.get(`/en/practices/items/${rows[0].id}`);
    expect(page.statusCode).toBe(200);
    const options = page.body.match(/<option value="[0-9a-f-]{36}"/g) ?? [];
    expect(options.length).toBe(mergeChoices);
    expect(page.body).toContain('name="find"');
    // The seeded tools are other items of the list too.
    expect(page.body).toMatch(
      new RegExp(
        `1[0-9]{2} other items of this list match; the form below lists ${mergeChoices}, the most used first`,
      ),
    );

    const found = await moderator.get(
      `/en/practices/items/${rows[0].id}?find=${encodeURIComponent('TOOL 17')}`,
    );
    expect(found.statusCode).toBe(200);
    expect(found.body.match(/<option value="[0-9a-f-]{36}"/g)).toEqual([`<option value="${rows[16].id}"`]);
    expect(found.body).toContain('value="TOOL 17"');
  });
});
