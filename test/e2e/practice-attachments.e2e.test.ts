// A practice's PDF attachments in a real browser: the author attaches one with a long file name on
// the change page at 1280 px, is refused a PNG named ".pdf" in words, attaches another on a 390 px
// phone and removes it; the practice's page lists the file with its size and pages, and the link
// downloads the PDF. Every page passes axe and nothing scrolls sideways.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, logIn, openPage, useBrowserHarness } from '../helpers/browser.ts';
import { memberOf, sql } from '../helpers/members.ts';

const h = useBrowserHarness();

async function pdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc.addPage([595, 842]).drawText(`Werkblad ${i}`, { x: 50, y: 780, font, size: 18 });
  return Buffer.from(await doc.save());
}

describe('a practice’s attachments', () => {
  it('the author attaches PDFs at 1280 px and on a phone; the page lists them and they download', async () => {
    const [own] = await sql(h, 'select id from organisations order by provenance_id limit 1');
    const author = await memberOf(h, own.id, ['referrer'], { locale: 'nl' });
    const slug = `e2e-attachments-${Date.now().toString(36)}`;
    await sql(
      h,
      `insert into practices (slug, organisation_id, author_id, title, search_terms)
       values ($1, $2, $3, '{"nl":"Een gedeelde tolkenpool","fr":"Un pool d’interprètes partagé"}', ''::tsvector)`,
      [slug, own.id, author.id],
    );
    const longName = 'Werkblad_tolkenpool_buurtwerkingen_Brussel_2024_definitieve_versie_met_bijlagen.pdf';

    const desk = await openPage(h.browser, 'nl', 1280);
    await logIn(h, desk, 'nl', author.email);
    await desk.goto(`${h.baseUrl}/nl/practices/${slug}/edit`);
    expect(await desk.locator('#attachments-title').textContent()).toBe('Bijlagen');
    await expectFitsAndAccessible(desk, 1280, true);
    await desk.getByLabel('Pdf-bestand').setInputFiles({
      name: longName,
      mimeType: 'application/pdf',
      buffer: await pdf(3),
    });
    await desk.locator('input[name="attachment_title.nl"]').fill('Het werkblad van de tolkenpool');
    await desk.getByRole('button', { name: 'Pdf bijvoegen' }).click();
    await desk.waitForURL(/\/edit\?done=added#attachments$/);
    expect(await desk.locator('#attachments .notice').textContent()).toBe('De pdf is bijgevoegd.');
    expect(await desk.locator('.attachment-list li').first().textContent()).toContain(longName);
    await expectFitsAndAccessible(desk, 1280, true);

    // A PNG named ".pdf": the same page, saying why, the field marked, nothing added.
    const png = await sharp({ create: { width: 30, height: 30, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    await desk
      .getByLabel('Pdf-bestand')
      .setInputFiles({ name: 'verslag.pdf', mimeType: 'application/pdf', buffer: png });
    await desk.getByRole('button', { name: 'Pdf bijvoegen' }).click();
    await desk.waitForLoadState();
    expect(await desk.locator('#f-attachment-error').textContent()).toContain('Dit bestand is geen pdf');
    expect(await desk.locator('#f-attachment').getAttribute('aria-invalid')).toBe('true');
    expect(await desk.locator('.attachment-list li').count()).toBe(1);
    await expectFitsAndAccessible(desk, 1280, true);

    // On a phone: another one, then removed again.
    const mobile = await openPage(h.browser, 'nl', 390);
    await logIn(h, mobile, 'nl', author.email);
    await mobile.goto(`${h.baseUrl}/nl/practices/${slug}/edit#attachments`);
    await expectFitsAndAccessible(mobile, 390, true);
    await mobile.getByLabel('Pdf-bestand').setInputFiles({
      name: 'Folder.pdf',
      mimeType: 'application/pdf',
      buffer: await pdf(1),
    });
    await mobile.getByRole('button', { name: 'Pdf bijvoegen' }).click();
    await mobile.waitForURL(/done=added/);
    expect(await mobile.locator('.attachment-list li').count()).toBe(2);
    await expectFitsAndAccessible(mobile, 390, true);
    await mobile.getByRole('button', { name: 'De bijlage „Folder.pdf” verwijderen' }).click();
    await mobile.waitForURL(/done=removed/);
    expect(await mobile.locator('#attachments .notice').textContent()).toBe('De bijlage is verwijderd.');
    expect(await mobile.locator('.attachment-list li').count()).toBe(1);
    await expectFitsAndAccessible(mobile, 390, true);

    // The practice's page on the phone: the file, its size and pages; the link gives the PDF.
    await mobile.goto(`${h.baseUrl}/nl/practices/${slug}`);
    const item = mobile.locator('.practice-attachments li');
    expect(await item.textContent()).toMatch(/Het werkblad van de tolkenpool \(pdf, \d+\skB, 3 pagina’s\)/);
    await expectFitsAndAccessible(mobile, 390, true);
    const href = await item.locator('a').getAttribute('href');
    const file = await mobile.request.get(`${h.baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(file.headers()['content-disposition']).toContain(`filename*=UTF-8''${longName}`);
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // A visitor does not have a draft's file.
    const visitor = await openPage(h.browser, 'fr', 390);
    expect((await visitor.request.get(`${h.baseUrl}${href}`)).status()).toBe(404);
    await visitor.context().close();
    await mobile.context().close();
    await desk.context().close();
  });
});
