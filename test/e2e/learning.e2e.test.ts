// Learning paths in a real browser: a volunteer on a 390 px phone finds the demo path from the
// footer, takes the branching route (a choice that leads to an extra card), answers the quiz and
// reaches the completion page, which prints without the site around it; a composer at 1280 px sees
// how often each choice was made (not yet: one answer), and changes a card. Every page passes axe and nothing scrolls sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserHarness,
  expectFitsAndAccessible,
  logIn,
  openPage,
  startBrowserHarness,
} from '../helpers/browser.ts';
import { signedInPerson } from '../helpers/members.ts';
import { allowSlowTests } from '../helpers/slow-tests.ts';
import { demoPathSlug, loadDemoPath } from '../../src/modules/learning/paths/demo-path.ts';
import { flushChoiceCounts } from '../../src/modules/learning/learner/choice-tally.ts';

allowSlowTests();

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
  await loadDemoPath(h.database.db, new Date());
});
afterAll(() => h?.close());

describe('learning paths', () => {
  it('a volunteer on a phone completes a branching path and reaches the completion page', async () => {
    const phone = await openPage(h.browser, 'en', 390);
    await phone.goto(`${h.baseUrl}/en/`);
    await phone.getByRole('link', { name: 'Learning paths for volunteers' }).click();
    await phone.waitForURL('**/en/learn');
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByRole('link', { name: 'Someone asks you about their residence papers' }).click();
    await phone.waitForURL(`**/en/learn/${demoPathSlug}`);
    expect(await phone.getByText('6 cards').isVisible()).toBe(true);
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByRole('button', { name: 'Start' }).click();

    // Card 1: the choice that gives advice oneself leads to an extra card (3) before card 2.
    expect(await phone.getByText('You are at card 1 of 6').isVisible()).toBe(true);
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByRole('radio', { name: 'You tell her what you think she should do' }).check();
    await phone.getByRole('button', { name: 'I choose this' }).click();
    expect(await phone.getByText('Well meant, but every case is different').isVisible()).toBe(true);
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByRole('link', { name: 'Go on' }).click();
    expect(await phone.getByText('You are at card 3 of 6').isVisible()).toBe(true);
    expect(await phone.getByText('Why not give advice yourself?').isVisible()).toBe(true);
    await phone.getByRole('button', { name: 'Next' }).click();
    expect(await phone.getByText('You are at card 2 of 6').isVisible()).toBe(true);
    // Card 2 links to the glossary.
    expect(await phone.getByRole('link', { name: 'legal aid lawyer' }).getAttribute('href')).toBe(
      '/en/glossary/pro-deo',
    );
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByRole('button', { name: 'Next' }).click();

    expect(await phone.getByText('You are at card 4 of 6').isVisible()).toBe(true);
    await phone.getByRole('radio', { name: /urgent medical aid exists/ }).check();
    await phone.getByRole('button', { name: 'I choose this' }).click();
    await phone.getByRole('link', { name: 'Go on' }).click();

    expect(await phone.getByText('You are at card 5 of 6').isVisible()).toBe(true);
    await phone.getByRole('checkbox', { name: 'Look at the date and the deadline in the letter' }).check();
    await phone
      .getByRole('checkbox', { name: 'Refer to free legal advice or a specialised service' })
      .check();
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByRole('button', { name: 'Answer' }).click();
    expect(await phone.getByText('Right!').isVisible()).toBe(true);
    await expectFitsAndAccessible(phone, 390, true);
    await phone.getByRole('link', { name: 'Go on' }).click();
    expect(await phone.getByText('You are at card 6 of 6').isVisible()).toBe(true);
    await phone.getByRole('button', { name: 'Next' }).click();

    await phone.waitForURL(`**/en/learn/${demoPathSlug}/done`);
    expect(await phone.locator('h1').textContent()).toBe('Path completed');
    expect(await phone.locator('.completion-path').textContent()).toBe(
      'Someone asks you about their residence papers',
    );
    await expectFitsAndAccessible(phone, 390, true);
    // Printed: the completion alone, without the site's header, footer and buttons.
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.locator('.site-footer').isVisible()).toBe(false);
    expect(await phone.locator('.no-print').isVisible()).toBe(false);
    expect(await phone.locator('.completion').isVisible()).toBe(true);
    await phone.emulateMedia({ media: 'screen' });
    // Back on the path's page, the browser remembers it was finished.
    await phone.goto(`${h.baseUrl}/en/learn/${demoPathSlug}`);
    expect(await phone.getByRole('link', { name: /You finished this path/ }).isVisible()).toBe(true);
    await phone.context().close();
  });

  it('a moderator at 1280 px sees how often each choice was made', async () => {
    const moderator = await signedInPerson(h, { platformRole: 'moderator' });
    const desk = await openPage(h.browser, 'en', 1280);
    await logIn(h, desk, 'en', moderator.email);
    await desk.goto(`${h.baseUrl}/en/paths`);
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.getByRole('link', { name: 'Someone asks you about their residence papers' }).click();
    await expectFitsAndAccessible(desk, 1280, true);
    // The volunteer's choice, written with this process's next batch.
    await flushChoiceCounts();
    await desk.getByRole('link', { name: 'Choices made' }).click();
    const firstCard = desk.locator('.learn-counts').first();
    // One answer is too few to be shown: one person's choice cannot be picked out.
    expect(await firstCard.locator('.empty').textContent()).toBe(
      'Fewer than 5 answers so far: not shown yet.',
    );
    await expectFitsAndAccessible(desk, 1280, true);
    // A situation's form: five rows of choices in three languages, the first two filled in.
    await desk.goBack();
    await desk.locator('#card-1').getByRole('link', { name: 'Change' }).click();
    expect(await desk.locator('input[name="choice2.label.en"]').inputValue()).toBe(
      'You tell her what you think she should do: it worked out for a friend of yours.',
    );
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.goto(`${h.baseUrl}/en/learn/${demoPathSlug}`);
    await desk.getByRole('button', { name: 'Start' }).click();
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.context().close();
  });
});
