// The one search in a browser with every kind of result: services, organisations, a question to
// the network and a glossary term side by side for "CPAS", each with its card; the type filter
// narrowing them as one ticks it; axe and no sideways scroll at 1280 and 390 px.
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { loadDemoEvents } from '../../src/modules/network/events/demo-events.ts';
import { loadDemoQuestions } from '../../src/modules/network/questions/demo-questions.ts';
import { loadDemoPractices } from '../../src/modules/knowledge/index.ts';

const h = useBrowserHarness();

async function withDemoPosts(): Promise<void> {
  const now = new Date();
  await loadDemoEvents(h.database.db, now);
  await loadDemoQuestions(h.database.db, now);
  await loadDemoPractices(h.database.db, now);
  const deadline = Date.now() + 10_000;
  const types = async () =>
    (
      (await (await fetch(`${h.baseUrl}/api/v1/search?q=CPAS&per_page=1`)).json()) as {
        facets: { type: { value: string }[] };
      }
    ).facets.type.map((f) => f.value);
  while (!(await types()).includes('question') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
}

describe('search with every type of result', () => {
  it('shows mixed cards and the type filter, accessible at 1280 and 390 px', async () => {
    await withDemoPosts();
    for (const width of [1280, 390]) {
      const page = await openPage(h.browser, 'fr', width);
      await page.goto(`${h.baseUrl}/fr/search?q=CPAS`);
      const kinds = await page
        .locator('.results-list > li')
        .evaluateAll((cards) => cards.map((c) => c.className));
      expect(kinds.some((k) => k.includes('result-question') || k.includes('result-term'))).toBe(true);
      expect(
        kinds.filter((k) => !k.includes('result-question') && !k.includes('result-term')).length,
      ).toBeGreaterThan(0);
      await page.evaluate(() => document.querySelector('details#search-filters')?.setAttribute('open', ''));
      await expectFitsAndAccessible(page, width, true);
      // Only the glossary's terms, by ticking the type: htmx refreshes the results.
      await page.check('input[name="type"][value="term"]');
      await page.waitForURL(/type=term/);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.results-list > li')].every((c) =>
          c.classList.contains('result-term'),
        ),
      );
      const link = page.locator('.results-list .result-term h3 a').first();
      expect(await link.getAttribute('href')).toBe('/fr/glossary/ocmw');
      await expectFitsAndAccessible(page, width, true);
      await page.context().close();
    }
  });
});
