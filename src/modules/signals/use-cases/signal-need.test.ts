// Signalling a need against the real database: a member's signal counts at once with its text
// sealed, a visitor's waits for a moderator and is limited per address, and refusals store nothing.
import { describe, expect, it } from 'vitest';
import { memberOf, sql } from '../../../../test/helpers/members.ts';
import { testConfig, useTestApp } from '../../../../test/helpers/test-app.ts';
import { AppError } from '../../../shared/errors.ts';
import { decryptField, generateKey, parseKeyRing } from '../../../shared/field-encryption.ts';
import { resealColumn } from '../../../db/reseal-column.ts';
import { needSignals } from '../signals.schema.ts';
import { RateLimiter } from '../../../shared/rate-limiter.ts';
import { geoReference } from '../../geo/index.ts';
import type { SignalActor, SignalContext } from '../signal-context.ts';
import { signalNeed, signalNoteContext } from './signal-need.ts';

const app = useTestApp();
const keys = testConfig().encryptionKeys!;
const quartier = geoReference().quartiers.find((q) => q.communeNis === '21012')!;
const input = {
  themes: ['housing'],
  quartier: String(quartier.code),
  targetGroup: 'families',
  people: '6_20',
  seenOn: '2026-11-20',
  note: 'Several families sleep in cars near the canal.',
};

function context(actor: SignalActor, points = 3): SignalContext {
  const { t } = app;
  return {
    db: t.database.db,
    actor,
    now: new Date('2026-12-04T10:00:00Z'),
    origin: 'http://127.0.0.1',
    locale: 'fr',
    ip: '192.0.2.7',
    mailQueued: () => {},
    keys,
    visitorLimit: new RateLimiter(t.database.pool, {
      name: `signal-test-${Math.random()}`,
      points,
      windowSeconds: 3600,
    }),
  };
}

const count = async () => (await sql(app.t, 'select count(*)::int as n from need_signals'))[0].n as number;
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: AppError) => [error.code, ...(error.fields ?? []).map((f) => `${f.field}:${f.code}`)],
  );

describe('signalNeed', () => {
  it("publishes a member's signal for her organisation, its text sealed and audited", async () => {
    const [{ id: org }] = await sql(app.t, `select id from organisations order by provenance_id limit 1`);
    const member = await memberOf(app.t, org, ['editor']);
    const actor = { kind: 'person' as const, userId: member.id, email: member.email, emailVerified: true };
    const { id, status } = await signalNeed(context(actor), { ...input, organisationId: org });
    expect(status).toBe('published');
    const [row] = await sql(app.t, 'select * from need_signals where id = $1', [id]);
    expect(row).toMatchObject({
      organisation_id: org,
      created_by: member.id,
      origin: 'member',
      status: 'published',
      theme_codes: ['housing'],
      commune_nis: '21012',
      quartier_code: quartier.code,
      people_band: '6_20',
    });
    expect(row.note).not.toContain('families');
    expect(decryptField(keys, row.note, signalNoteContext(id))).toBe(input.note);
    const audit = await sql(app.t, `select event, actor_id from audit_log where subject_id = $1`, [id]);
    expect(audit).toEqual([{ event: 'signal.created', actor_id: member.id }]);
  });

  it('refuses someone of another organisation, or with an unconfirmed address, and stores nothing', async () => {
    const [{ id: org }, { id: other }] = await sql(
      app.t,
      `select id from organisations order by provenance_id limit 2`,
    );
    const member = await memberOf(app.t, other, ['editor']);
    const actor = { kind: 'person' as const, userId: member.id, email: member.email, emailVerified: true };
    const before = await count();
    expect(await refusal(signalNeed(context(actor), { ...input, organisationId: org }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await refusal(signalNeed(context(actor), { ...input, organisationId: 'x' }))).toEqual([
      'FORBIDDEN',
    ]);
    const unconfirmed = { ...actor, emailVerified: false };
    expect(await refusal(signalNeed(context(unconfirmed), { ...input, organisationId: other }))).toEqual([
      'EMAIL_NOT_VERIFIED',
    ]);
    expect(await count()).toBe(before);
  });

  it("queues a visitor's signal for a moderator, and limits a flood from one address", async () => {
    const ctx = context({ kind: 'visitor' }, 3);
    const before = await count();
    // A refused form does not use up a try.
    expect(await refusal(signalNeed(ctx, { ...input, themes: ['astrology'], seenOn: '2031-01-01' }))).toEqual(
      ['VALIDATION_FAILED', 'themes:signal_theme', 'seen_on:signal_seen_future'],
    );
    for (let i = 0; i < 3; i++) expect((await signalNeed(ctx, input)).status).toBe('pending');
    expect(await refusal(signalNeed(ctx, input))).toEqual(['RATE_LIMITED']);
    expect(await count()).toBe(before + 3);
    const rows = await sql(
      app.t,
      `select organisation_id, created_by, origin, status from need_signals where created_by is null`,
    );
    expect(rows).toEqual(
      Array(3).fill({ organisation_id: null, created_by: null, origin: 'visitor', status: 'pending' }),
    );
  });

  it('re-seals the texts with a new first key (npm run keys:rotate), after which the old key can go', async () => {
    const { id } = await signalNeed(context({ kind: 'visitor' }, 10), input);
    const next = parseKeyRing(generateKey('next'));
    const ring = { currentId: 'next', keys: new Map([...next.keys, ...keys.keys]) };
    const target = {
      table: needSignals,
      id: needSignals.id,
      column: needSignals.note,
      context: signalNoteContext,
    };
    expect(await resealColumn(app.t.database.db, ring, target)).toBeGreaterThanOrEqual(1);
    const [row] = await sql(app.t, 'select note from need_signals where id = $1', [id]);
    expect(row.note).toMatch(/^v1\.next\./);
    expect(decryptField(next, row.note, signalNoteContext(id))).toBe(input.note);
    expect(await resealColumn(app.t.database.db, ring, target)).toBe(0);
  });
});
