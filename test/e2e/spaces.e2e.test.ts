// Publishing a room with its weekly hours in a real browser, in Dutch at 1280 px and in French at
// 390 px: every page passes axe and nothing scrolls sideways; a photo is uploaded; then the room's
// public page shows the photo and its week of free time. Screenshots go to $SCREENSHOTS when it is set, to look at them.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowserHarness } from '../helpers/browser.ts';
import { testPassword } from '../helpers/form-client.ts';
import { memberOf, sql } from '../helpers/members.ts';

const h = useBrowserHarness();

/** A landscape "photo" of a room: a floor, a wall and a window, as a camera's JPEG. */
async function roomPhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1500">
    <defs><linearGradient id="w" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#e9e4d8"/><stop offset="1" stop-color="#c9c0ac"/></linearGradient></defs>
    <rect width="2000" height="1000" fill="url(#w)"/><rect y="1000" width="2000" height="500" fill="#8a6a4a"/>
    <rect x="1200" y="250" width="500" height="450" fill="#9cc7e4" stroke="#fff" stroke-width="24"/>
    <rect x="300" y="820" width="700" height="60" fill="#5b4636"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

async function check(page: Page, width: number, name: string): Promise<void> {
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(1);
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
}

describe('publishing a room with weekly hours', () => {
  for (const [width, locale, offset] of [
    [1280, 'nl', 0],
    [390, 'fr', 1],
  ] as const)
    it(`works at ${width} px in ${locale}`, async () => {
      const [{ id: org }] = await sql(
        h,
        `select o.id from organisations o where exists (select 1 from locations l where l.organisation_id = o.id)
         order by o.provenance_id limit 1 offset $1`,
        [offset],
      );
      const editor = await memberOf(h, org, ['editor'], { locale });
      const context = await h.browser.newContext({ locale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(8_000);
      await page.goto(`${h.baseUrl}/${locale}/login`);
      await page.locator('input[name=email]').fill(editor.email);
      await page.locator('input[name=password]').fill(testPassword);
      await page.locator('form.form button[type=submit]').click();
      await page.waitForURL('**/account');

      await page.goto(`${h.baseUrl}/${locale}/manage/organisations/${org}/rooms`);
      await check(page, width, `${locale}-own-rooms-empty`);
      await page.locator(`a[href$="/rooms/new"]`).click();
      await page.waitForURL('**/rooms/new');
      await check(page, width, `${locale}-room-form`);

      // Sent with a capacity of 0: the reason next to the field, and the form as it was.
      await page
        .locator(`input[name="name.${locale}"]`)
        .fill(locale === 'nl' ? 'Polyvalente zaal' : 'Salle polyvalente');
      await page.locator('select[name=location]').selectOption({ index: 1 });
      await page.locator('input[name=capacity]').fill('0');
      await page.locator('#f-d1w1o').fill('18:00');
      await page.locator('#f-d1w1c').fill('21:00');
      await page.locator('#f-d4w1o').fill('18:00');
      await page.locator('#f-d4w1c').fill('21:00');
      await page.locator('form.form button[type=submit]').click();
      await page.waitForLoadState();
      expect(await page.locator('.error-summary').textContent()).toContain(
        locale === 'nl'
          ? 'Geef een aantal personen van 1 tot 1.000.'
          : 'Indiquez un nombre de personnes de 1 à 1 000.',
      );
      expect(await page.locator('#f-d4w1o').inputValue()).toBe('18:00');
      await check(page, width, `${locale}-room-form-refused`);

      await page.locator('input[name=capacity]').fill('25');
      await page.locator('form.form button[type=submit]').first().click();
      await page.waitForURL('**/manage/rooms/**');
      expect(await page.locator('.notice').textContent()).toBe(
        locale === 'nl' ? 'De zaal staat online.' : 'La salle est publiée.',
      );
      const [{ rule }] = await sql(
        h,
        `select rule from room_availability r join rooms on rooms.id = r.room_id where rooms.organisation_id = $1`,
        [org],
      );
      expect(rule).toBe('DTSTART:20260105T180000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH');
      await check(page, width, `${locale}-room-saved`);

      // A photo with a caption, through the upload form as a browser sends it.
      const caption = locale === 'nl' ? 'De zaal met haar keuken' : 'La salle et sa cuisine';
      await page
        .locator('#f-photo')
        .setInputFiles({ name: 'zaal.jpg', mimeType: 'image/jpeg', buffer: await roomPhoto() });
      await page.locator(`input[name="caption.${locale}"]`).fill(caption);
      await page.locator('#photos-title ~ form button[type=submit]').click();
      await page.waitForURL(/done=photo_added/);
      expect(await page.locator('.photo-list li').count()).toBe(1);
      expect(await page.locator('.photo-list li p').first().textContent()).toBe(caption);
      await check(page, width, `${locale}-room-photos`);

      // The public page: the photo, and two evenings free each week (past time is not offered).
      await page
        .locator('a[href*="/rooms/"]:not([href*="manage"]):not([href^="/room-photos"])')
        .first()
        .click();
      await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
      const shown = page.locator('.room-photos img');
      await expect.poll(() => shown.getAttribute('alt')).toBe(caption);
      await shown.scrollIntoViewIfNeeded();
      await expect
        .poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
      const box = (await shown.boundingBox())!;
      expect(box.x + box.width, 'the photo fits the screen').toBeLessThanOrEqual(width);
      await check(page, width, `${locale}-room-page-photo`);
      // Next week, whose evenings are all still to come.
      await page.getByRole('link', { name: locale === 'nl' ? 'Volgende week' : 'Semaine suivante' }).click();
      await page.waitForURL(/week=/);
      const free = locale === 'nl' ? 'vrij' : 'libre';
      expect(await page.locator('.slot.free').count()).toBe(2);
      expect(await page.locator('.slot.free').first().textContent()).toContain(free);
      await check(page, width, `${locale}-room-page`);
      await context.close();
    });
});
