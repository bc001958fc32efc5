// A real server on a loopback port and Debian's Chromium, for browser tests.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumPath } from './chromium-path.ts';
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
