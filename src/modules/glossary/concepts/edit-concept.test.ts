// A moderator changes a concept against a real PostgreSQL: the words, a new version and an audit
// entry in one transaction, announced to search; a word of another concept, a loop of wider
// concepts, a missing preferred word or someone not a moderator change nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { createConcept } from './create-concept.ts';
import { type ConceptEdit, editConcept } from './edit-concept.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
});
afterAll(() => database.drop());

const moderator: Actor = {
  userId: randomUUID(),
  email: 'm@example.org',
  emailVerified: true,
  platformRole: 'moderator',
};
const ctx = (actor: Actor = moderator) => ({
  db: database.db,
  actor,
  now: new Date(),
  origin: 'https://p.test',
  locale: 'en' as const,
  ip: '127.0.0.1',
  mailQueued: () => {},
});
const state = async (slug: string) => {
  const { rows } = await database.pool.query(
    `select c.version, c.broader, (select array_agg(l.language || ':' || l.kind || ':' || l.text order by l.language, l.position)
       from glossary_labels l where l.concept_id = c.id) as words
       from glossary_concepts c where c.slug = $1`,
    [slug],
  );
  return rows[0];
};
const edit = (over: Partial<ConceptEdit> = {}): ConceptEdit => ({
  preferred: { nl: 'schuldbemiddeling', fr: 'médiation de dettes', en: 'debt mediation' },
  synonyms: {},
  abbreviations: {},
  definitions: {},
  broader: [],
  related: [],
  note: '',
  ...over,
});
async function refused(run: Promise<unknown>): Promise<string[]> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return ((error as AppError).fields ?? []).map((f) => `${f.field}:${f.code}`);
}

describe('editConcept', () => {
  it('replaces the words, keeps a version and an audit entry, and announces the change', async () => {
    const listener = await database.pool.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    await listener.query('listen glossary_changed');
    try {
      const done = await editConcept(
        ctx(),
        'schuldbemiddeling',
        edit({
          synonyms: { nl: 'schuldhulp\nschuldenregeling | federal', fr: 'médiation de dettes amiable' },
          definitions: { en: 'Help to agree a repayment plan with creditors.' },
          note: 'Added words used by the field.',
        }),
      );
      expect(done.version).toBe(2);
      expect((await state('schuldbemiddeling')).words).toEqual([
        'en:preferred:debt mediation',
        'fr:preferred:médiation de dettes',
        'fr:synonym:médiation de dettes amiable',
        'nl:preferred:schuldbemiddeling',
        'nl:synonym:schuldhulp',
        'nl:synonym:schuldenregeling',
      ]);
      const { rows } = await database.pool.query(
        `select v.version, v.note, v.changed_by, v.state->'definition' as definition from glossary_versions v
           join glossary_concepts c on c.id = v.concept_id where c.slug = 'schuldbemiddeling' order by v.version`,
      );
      expect(rows.map((r) => r.version)).toEqual([1, 2]);
      expect(rows[1]).toMatchObject({ note: 'Added words used by the field.', changed_by: moderator.userId });
      expect(rows[1].definition).toEqual({ en: 'Help to agree a repayment plan with creditors.' });
      const { rows: audit } = await database.pool.query(
        `select details from audit_log where event = 'glossary.concept_changed'`,
      );
      expect(audit).toEqual([{ details: { slug: 'schuldbemiddeling', version: 2 } }]);
      await new Promise((r) => setTimeout(r, 100));
      expect(heard).toContain('glossary_changed');
    } finally {
      listener.release();
    }
  });

  it('refuses a word another concept has, a loop of wider concepts, a missing word; nothing changes', async () => {
    const before = await state('schuldbemiddeling');
    // "OCMW" is the Dutch word of another concept.
    expect(
      await refused(editConcept(ctx(), 'schuldbemiddeling', edit({ abbreviations: { nl: 'OCMW' } }))),
    ).toEqual(['abbreviations.nl:glossary_word_taken']);
    expect(await refused(editConcept(ctx(), 'schuldbemiddeling', edit({ preferred: { nl: 'x' } })))).toEqual(
      expect.arrayContaining(['preferred.fr:required', 'preferred.en:required']),
    );
    expect(await state('schuldbemiddeling')).toEqual(before);
    // A wider than B, then B wider than A.
    const { rows } = await database.pool.query(
      `select slug from glossary_concepts where slug <> 'schuldbemiddeling' limit 1`,
    );
    const other = rows[0].slug as string;
    const otherWords = await database.pool.query(
      `select language, text from glossary_labels l join glossary_concepts c on c.id = l.concept_id
        where c.slug = $1 and l.kind = 'preferred'`,
      [other],
    );
    const preferredOfOther = Object.fromEntries(otherWords.rows.map((r) => [r.language, r.text]));
    await editConcept(ctx(), 'schuldbemiddeling', edit({ broader: [other] }));
    expect(
      await refused(
        editConcept(ctx(), other, edit({ preferred: preferredOfOther, broader: ['schuldbemiddeling'] })),
      ),
    ).toEqual(['broader:glossary_broader_cycle']);
    expect(
      await refused(
        editConcept(ctx(), other, edit({ preferred: preferredOfOther, broader: ['no-such-concept'] })),
      ),
    ).toEqual(['broader:glossary_concept_unknown']);
  });

  it('is for moderators only', async () => {
    const member: Actor = { ...moderator, platformRole: 'member' };
    const error = await editConcept(ctx(member), 'schuldbemiddeling', edit()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a change made from a form older than the concept, naming its version', async () => {
    const [{ version }] = (
      await database.pool.query(`select version from glossary_concepts where slug = 'schuldbemiddeling'`)
    ).rows;
    await editConcept(ctx(), 'schuldbemiddeling', edit({ version, synonyms: { nl: 'schuldhulp' } }));
    const before = await state('schuldbemiddeling');
    const error = await editConcept(ctx(), 'schuldbemiddeling', edit({ version })).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'version', code: 'glossary_changed_meanwhile', values: { version: version + 1 } }],
    });
    expect(await state('schuldbemiddeling')).toEqual(before);
  });

  it('adds two concepts at once one after the other: the same slug or word is never a database error', async () => {
    const long = 'Vereniging voor onthaal en begeleiding van nieuwkomers in Brussel';
    const input = (nl: string, fr: string, en: string) => edit({ preferred: { nl, fr, en } });
    const twins = await Promise.allSettled([
      createConcept(ctx(), input(`${long}-Noord`, 'accueil nord', 'reception north')),
      createConcept(ctx(), input(`${long}-Zuid`, 'accueil sud', 'reception south')),
    ]);
    // The slugs share their first 60 characters: the second is numbered.
    expect(twins.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const slugs = twins.map((r) => (r as PromiseFulfilledResult<{ slug: string }>).value.slug).sort();
    expect(new Set(slugs).size).toBe(2);
    expect(slugs[1]).toBe(`${slugs[0]}-2`);
    // One word twice at once: one concept, and the other refused in words.
    const same = await Promise.allSettled([
      createConcept(ctx(), input('buurtmoestuin', 'potager de quartier', 'neighbourhood garden')),
      createConcept(ctx(), input('buurtmoestuin', 'jardin partagé', 'community garden')),
    ]);
    expect(same.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusedOne = same.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refusedOne.reason).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
