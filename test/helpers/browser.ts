// A real server on a loopback port and Debian's Chromium, for browser tests.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromiumPath } from './chromium-path.ts';
import { testPassword } from './form-client.ts';
import { allowSlowTests } from './slow-tests.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export { chromiumPath };

export interface BrowserHarness extends TestApp {
  baseUrl: string;
  browser: Browser;
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  const t = await createTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    ...t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * A file's one app and browser: started before its tests (with the limits of slow tests), closed
 * after them. The object is filled in `beforeAll`, so read it inside tests and hooks.
 */
export function useBrowserHarness(): BrowserHarness {
  allowSlowTests();
  const harness = {} as BrowserHarness;
  beforeAll(async () => {
    Object.assign(harness, await startBrowserHarness());
  });
  afterAll(() => harness.close?.());
  return harness;
}

/**
 * A page in a new browser context (its own cookies, as another person's browser) in a language and
 * at a width, waiting at most 8 s for anything. Close it with `page.context().close()`.
 */
export async function openPage(browser: Browser, locale: string, width: number, height = 900): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  return page;
}

/** Logs in with the test password through the log-in form, and waits for the account page it leads to. */
export async function logIn(
  h: Pick<BrowserHarness, 'baseUrl'>,
  page: Page,
  locale: string,
  email: string,
): Promise<void> {
  await page.goto(`${h.baseUrl}/${locale}/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(testPassword);
  await page.locator('form.form button[type=submit]').click();
  await page.waitForURL('**/account');
}

/** Runs axe on the page and fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(serious, page.url()).toEqual([]);
}

/**
 * Where scripts run, the page passes axe and does not scroll sideways (both checks run scripts in
 * the page, so without JavaScript there is nothing to run them with).
 */
export async function expectFitsAndAccessible(page: Page, width: number, javaScript: boolean): Promise<void> {
  if (!javaScript) return;
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(1);
}
