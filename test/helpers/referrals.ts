// Two demo organisations and their people, for referral tests: A refers, B receives through one of
// its services. Memberships are set in the database; everything else goes through the app.
import { DateTime } from 'luxon';
import { confirmedPerson, type FormClient, newAddress } from './form-client.ts';
import type { TestApp } from './test-app.ts';

export interface ReferralWorld {
  orgA: string;
  orgB: string;
  /** A third organisation, for people who must see nothing. */
  orgC: string;
  serviceB: string;
  themeB: string;
}

export async function sql(t: TestApp, text: string, values: unknown[] = []) {
  return (await t.database.pool.query(text, values)).rows;
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

/** A confirmed, signed-in person with these roles in this organisation. */
export async function memberOf(
  t: TestApp,
  organisationId: string,
  roles: string[],
  options: { locale?: string; name?: string } = {},
): Promise<FormClient & { email: string; id: string }> {
  const client = await confirmedPerson(t.app, t.database, {
    email: newAddress(roles.join('-')),
    locale: options.locale,
    name: options.name,
  });
  const [{ id }] = await sql(t, 'select id from users where email = $1', [client.email]);
  await sql(t, 'insert into memberships (user_id, organisation_id, roles) values ($1, $2, $3)', [
    id,
    organisationId,
    `{${roles.join(',')}}`,
  ]);
  return Object.assign(client, { id: id as string });
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
