// The agenda page through the real HTTP app: a visitor's page is kept while nothing changes, and
// made again as soon as a date's places change; a signed-in person's page is never kept.
import { describe, expect, it } from 'vitest';
import { createTestEvent } from '../../../../test/helpers/network-events.ts';
import { signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';

const app = useTestApp();

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the agenda page', () => {
  it('keeps a visitor’s page while nothing changes, and shows a change of places at once', async () => {
    const title = { en: 'Kept agenda test day', fr: 'Journée test', nl: 'Testdag' };
    const event = await createTestEvent(app.t, { capacity: 12, title, days: [3] });
    const path = `/en/agenda?theme=&page=1`;
    const card = (body: string) =>
      body.slice(body.indexOf('Kept agenda test day'), body.indexOf('Kept agenda test day') + 2_000);
    await eventually(async () => card((await app.get(path)).body).includes('12 places left'), 'the event');
    const first = await app.get(path);
    const again = await app.get(path);
    expect(again.body).toBe(first.body);
    expect(first.body).not.toContain('_csrf');
    // A registration elsewhere (another process, or a form): the places show at once.
    await sql(app.t, 'update event_occurrences set confirmed = 5 where id = $1', [event.dates[0]]);
    await eventually(
      async () => card((await app.get(path)).body).includes('7 places left'),
      'the new places',
    );
    // A signed-in person gets a page of their own.
    const person = await signedInPerson(app.t, { locale: 'en' });
    const theirs = await person.get(path);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toBe((await app.get(path)).body);
    expect(card(theirs.body)).toContain('7 places left');
  });
});
