// Following a theme and stopping the digest in a real browser: a Dutch-speaking member ticks a theme
// on "What I follow" at 1280 px, the morning digest tells them of a new question in a sub-theme of
// it, and on a 390 px phone, not logged in, the link at the end of that e-mail stops the digest after
// one press. Every page passes axe and nothing scrolls sideways.
import { describe, expect, it } from 'vitest';
import { runFollowDigests } from '../../src/modules/network/follows/run-follow-digests.ts';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { signedInPerson, sql } from '../helpers/members.ts';
import { insertQuestion } from '../helpers/network-posts.ts';
import { testConfig } from '../helpers/test-app.ts';

const h = useBrowserHarness();

describe('following a theme and the digest', () => {
  it('is followed from the follows page, digested, and stopped by the link in the e-mail', async () => {
    const reader = await signedInPerson(h, { locale: 'nl', name: 'Noor' });
    const page = await openPage(h.browser, 'nl', 1280);
    await logIn(h, page, 'nl', reader.email);
    await page.goto(`${h.baseUrl}/nl/account/follows`);
    expect(await page.locator('main').textContent()).toContain('Je volgt niets');
    await expectFitsAndAccessible(page, 1280, true);
    await page.getByLabel('Wonen', { exact: true }).check();
    await page.getByRole('button', { name: 'Aangevinkte thema’s volgen' }).click();
    await page.waitForURL('**/nl/account/follows?done=themes_followed');
    expect(await page.locator('.notice').first().textContent()).toBe('Je volgt nu deze thema’s.');
    await expect(page.getByRole('button', { name: '‘Wonen’ niet meer volgen' }).isVisible()).resolves.toBe(
      true,
    );
    await expectFitsAndAccessible(page, 1280, true);
    await page.setViewportSize({ width: 390, height: 900 });
    await expectFitsAndAccessible(page, 390, true);
    await page.context().close();

    // The next morning: a question in a sub-theme of housing.
    const question = await insertQuestion(h, {
      themes: ['housing.search'],
      language: 'fr',
      title: 'Qui connaît une agence immobilière sociale à Anderlecht ?',
      createdAt: new Date(Date.now() + 60_000),
    });
    const result = await runFollowDigests(h.database.db, {
      now: new Date(Date.now() + 3_600_000),
      origin: h.baseUrl,
      keys: testConfig().encryptionKeys!,
    });
    expect(result.mailed).toBeGreaterThanOrEqual(1);
    const [mail] = await sql(
      h,
      `select subject, text from outbox where "to" = $1 and text like '%/follows/unsubscribe%'`,
      [reader.email],
    );
    expect(mail.subject).toBe('Passerelle: 1 nieuwe vraag en geen nieuwe antwoorden in wat je volgt');
    expect(mail.text).toContain(`${h.baseUrl}/nl/questions/${question}`);
    const link = /https?:\/\/\S+\/follows\/unsubscribe\?token=\S+/.exec(mail.text as string)![0];

    // On a phone, not logged in: the page asks first, then one press stops it.
    const mobile = await openPage(h.browser, 'nl', 390, 800);
    await mobile.goto(link);
    expect(await mobile.locator('h1').textContent()).toBe('Het dagelijkse overzicht stopzetten');
    await expectFitsAndAccessible(mobile, 390, true);
    expect(await sql(h, 'select 1 from follows where user_id = $1', [reader.id])).toHaveLength(1);
    await mobile.getByRole('button', { name: 'Overzicht stopzetten' }).click();
    await mobile.waitForURL('**/nl/follows/unsubscribe?done=1');
    expect(await mobile.locator('.notice').textContent()).toBe(
      'Klaar: je volgt niets meer en krijgt geen overzicht meer.',
    );
    await expectFitsAndAccessible(mobile, 390, true);
    expect(await sql(h, 'select 1 from follows where user_id = $1', [reader.id])).toEqual([]);
    // A link cut short by a mail program says so in the reader's language.
    await mobile.goto(link.slice(0, -5));
    expect(await mobile.locator('main').textContent()).toContain('Deze afmeldlink klopt niet');
    await expectFitsAndAccessible(mobile, 390, true);
    await mobile.context().close();
  });
});
