// People for tests through the app: signed up and confirmed through the pages as anyone is, then
// given their roles in the database (a membership of an organisation, a role on the platform).
import { confirmedPerson, type FormClient, newAddress } from './form-client.ts';
import type { TestApp } from './test-app.ts';

/** Runs a query on the test database and returns its rows. */
export async function sql(t: TestApp, text: string, values: unknown[] = []) {
  return (await t.database.pool.query(text, values)).rows;
}

/** A signed-in person of a test: a browser without JavaScript, with the person's address and id. */
export type Member = FormClient & { email: string; id: string };

export interface MemberOptions {
  locale?: string;
  name?: string;
  /** A role on the whole platform, such as 'analyst' or 'moderator'. */
  platformRole?: string;
}

/** A confirmed, signed-in person of no organisation. */
export async function signedInPerson(
  t: TestApp,
  options: MemberOptions & { email?: string } = {},
): Promise<Member> {
  const client = await confirmedPerson(t.app, t.database, {
    email: options.email ?? newAddress(),
    locale: options.locale,
    name: options.name,
  });
  const [{ id }] = await sql(t, 'select id from users where email = $1', [client.email]);
  if (options.platformRole)
    await sql(t, 'update users set platform_role = $2 where id = $1', [id, options.platformRole]);
  return Object.assign(client, { id: id as string });
}

/** A confirmed, signed-in person with these roles in this organisation. */
export async function memberOf(
  t: TestApp,
  organisationId: string,
  roles: string[],
  options: MemberOptions = {},
): Promise<Member> {
  const person = await signedInPerson(t, { email: newAddress(roles.join('-')), ...options });
  await sql(t, 'insert into memberships (user_id, organisation_id, roles) values ($1, $2, $3)', [
    person.id,
    organisationId,
    `{${roles.join(',')}}`,
  ]);
  return person;
}
