// Two demo organisations and their people, for referral tests: A refers, B receives through one of
// its services. Memberships are set in the database; everything else goes through the app.
//
// A test file starts with `useReferralWorld`, naming the people it needs:
//
//   const world = useReferralWorld({
//     sender: { in: 'orgA', roles: ['referrer'], locale: 'en', name: 'Sara' },
//     receiver: { in: 'orgB', roles: ['referrer'], locale: 'fr' },
//   });
//
//   it('reaches B', async () => {
//     const id = await sendReferral(world.sender, world);
//     expect((await world.receiver.get(`/fr/referrals/${id}`)).statusCode).toBe(200);
//     const [{ status }] = await world.sql('select status from referrals where id = $1', [id]);
//     expect(status).toBe('sent');
//     const outsider = await world.memberOf(world.orgC, ['referrer']);
//   });
//
// Further set-up goes in the file's own `beforeAll`, which runs after the world is built.
import { DateTime } from 'luxon';
import { afterAll, beforeAll } from 'vitest';
import type { FormClient } from './form-client.ts';
import { type Member, memberOf, type MemberOptions, sql } from './members.ts';
import { createTestApp, type TestApp } from './test-app.ts';

// The people of a referral test are members of the world's organisations.
export { type Member, memberOf, type MemberOptions, sql };

export interface ReferralWorld {
  orgA: string;
  orgB: string;
  /** A third organisation, for people who must see nothing. */
  orgC: string;
  serviceB: string;
  themeB: string;
}

export async function referralWorld(t: TestApp): Promise<ReferralWorld> {
  const [b] = await sql(
    t,
    `select s.organisation_id as org, s.id as service,
       (select coalesce(t.parent_code, t.code) from service_themes st join taxonomy_terms t on t.id = st.term_id
         where st.service_id = s.id order by 1 limit 1) as theme
     from services s order by s.provenance_id offset 3 limit 1`,
  );
  const others = await sql(t, 'select id from organisations where id <> $1 order by provenance_id limit 2', [
    b.org,
  ]);
  return {
    orgA: others[0].id,
    orgB: b.org,
    orgC: others[1].id,
    serviceB: b.service,
    themeB: b.theme,
  };
}

/** A person of the world: the organisation, the roles there, and how the person reads. */
export interface WorldMember extends MemberOptions {
  in: 'orgA' | 'orgB' | 'orgC';
  roles: string[];
}

/** The referral world of a test file with its app (`t`) and the people it named, by their names. */
export type ReferralTestWorld<People extends string = never> = ReferralWorld &
  Record<People, Member> & {
    t: TestApp;
    /** `sql` on this world's database. */
    sql(text: string, values?: unknown[]): ReturnType<typeof sql>;
    /** `memberOf` in this world's app: one more person, for one test. */
    memberOf(organisationId: string, roles: string[], options?: MemberOptions): Promise<Member>;
  };

/**
 * A file's app on a fresh demo database, its referral world and the people named, signed in in
 * that order: built before the file's tests (its fields are empty until then), closed after them.
 */
export function useReferralWorld<People extends string = never>(
  people: Record<People, WorldMember> = {} as Record<People, WorldMember>,
): ReferralTestWorld<People> {
  const world = {
    sql: (text: string, values?: unknown[]) => sql(world.t, text, values),
    memberOf: (organisationId: string, roles: string[], options?: MemberOptions) =>
      memberOf(world.t, organisationId, roles, options),
  } as ReferralTestWorld<People>;
  beforeAll(async () => {
    const t = await createTestApp({ demo: true });
    Object.assign(world, { t }, await referralWorld(t));
    for (const [name, { in: organisation, roles, ...options }] of Object.entries<WorldMember>(people)) {
      if (name in world) throw new Error(`"${name}" is a field of the world: give the person another name`);
      Object.assign(world, { [name]: await memberOf(t, world[organisation], roles, options) });
    }
  });
  afterAll(() => world.t?.close());
  return world;
}

export const inDays = (days: number) => DateTime.now().setZone('Europe/Brussels').plus({ days }).toISODate()!;

/** A complete, valid referral form for a service, with overrides. */
export function referralForm(
  world: ReferralWorld,
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    service: world.serviceB,
    organisation: world.orgB,
    from_organisation: world.orgA,
    person_name: 'Fatima B.',
    languages: ['ar', 'fr'],
    contact_channel: 'phone',
    contact_detail: '0470 12 34 56',
    commune: '21001',
    theme: world.themeB,
    need: 'Zoekt dringend voedselhulp voor een gezin met drie kinderen.',
    urgency: 'this_week',
    consent_method: 'spoken',
    consent_purpose: 'Gegevens doorgeven zodat de dienst contact opneemt.',
    consent_until: inDays(90),
    intent: 'send',
    ...overrides,
  };
}

/** Sends a referral through the form and returns its id. */
export async function sendReferral(
  client: FormClient,
  world: ReferralWorld,
  overrides: Record<string, string | string[]> = {},
): Promise<string> {
  await client.get(`/en/referrals/new?service=${world.serviceB}`);
  const res = await client.post('/en/referrals/new', referralForm(world, overrides));
  const match = /\/referrals\/([0-9a-f-]{36})/.exec(String(res.headers.location ?? ''));
  if (res.statusCode !== 303 || !match)
    throw new Error(`referral not sent: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return match[1]!;
}
