// The PDF checks, on real files made here: a PDF of three pages made by pdf-lib is kept as sent
// with its page count and hash; a PNG named ".pdf", text, an empty file, a file over the limit, a
// cut-off PDF, a damaged one, an empty one and an encrypted one are refused, each with its code.
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inflatingPdf } from '../../test/helpers/inflating-pdf.ts';
import { AppError } from './errors.ts';
import { attachmentDisposition, cleanPdfName, pdfChecksWaiting, type PdfRules, preparePdf } from './pdfs.ts';

const codes = {
  missing: 'missing',
  tooBig: 'too_big',
  type: 'type',
  unreadable: 'unreadable',
  encrypted: 'encrypted',
  busy: 'busy',
};
const rules = { field: 'file', maxBytes: 200_000, codes, values: { mb: 10 } };

async function pdf(pages = 3, options: { encrypted?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc.addPage([595, 842]).drawText(`Page ${i} of a good practice`, { x: 50, y: 780, font, size: 18 });
  if (options.encrypted)
    // The trailer's /Encrypt entry is what tells a reader (and pdf-lib) the file is encrypted.
    doc.context.trailerInfo.Encrypt = doc.context.register(
      doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -44 }),
    );
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The refusal's field problem (code and values), or a failure when the file passed. */
async function refusal(upload: Buffer, withRules: PdfRules = rules) {
  try {
    await preparePdf(upload, withRules);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    const [problem] = error.fields;
    return { field: problem!.field, code: problem!.code, values: problem!.values };
  }
  throw new Error('the file was accepted');
}

describe('checking an uploaded PDF', () => {
  it('keeps a real PDF as sent, with its page count and SHA-256', async () => {
    const bytes = await pdf(3);
    const prepared = await preparePdf(bytes, rules);
    expect(prepared).toMatchObject({ contentType: 'application/pdf', size: bytes.length, pageCount: 3 });
    expect(prepared.data.equals(bytes)).toBe(true);
    expect(prepared.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await preparePdf(await pdf(1), rules)).pageCount).toBe(1);
  });

  it('refuses a PNG named .pdf and a text file: not a PDF', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    expect(await refusal(png)).toMatchObject({ field: 'file', code: 'type' });
    expect(await refusal(Buffer.from('Just a letter, not a PDF at all.\n'))).toMatchObject({ code: 'type' });
    // "%PDF" somewhere but not at the start is not a PDF either.
    expect(await refusal(Buffer.concat([Buffer.from('<html>'), await pdf(1)]))).toMatchObject({
      code: 'type',
    });
  });

  it('refuses an empty file and one over the limit, saying the limit', async () => {
    expect(await refusal(Buffer.alloc(0))).toMatchObject({ code: 'missing' });
    const big = Buffer.concat([await pdf(1), Buffer.alloc(rules.maxBytes)]);
    expect(await refusal(big)).toEqual({ field: 'file', code: 'too_big', values: { mb: 10 } });
    // Exactly the limit is allowed (here a real PDF padded with a comment to that size).
    const bytes = await pdf(1);
    const padded = Buffer.concat([
      bytes,
      Buffer.from(`%${'x'.repeat(rules.maxBytes - bytes.length - 8)}\n%%EOF\n`),
    ]);
    expect(padded.length).toBe(rules.maxBytes);
    expect((await preparePdf(padded, rules)).size).toBe(rules.maxBytes);
  });

  it('refuses a cut-off PDF, a damaged one and an empty one: unreadable', async () => {
    const bytes = await pdf(3);
    for (const share of [0.95, 0.6, 0.2])
      expect(await refusal(bytes.subarray(0, Math.floor(bytes.length * share)))).toMatchObject({
        code: 'unreadable',
      });
    // Its end kept but its middle overwritten.
    const damaged = Buffer.from(bytes);
    damaged.fill('#', 20, bytes.length - 200);
    expect(await refusal(damaged)).toMatchObject({ code: 'unreadable' });
    // Well formed, but nothing to read.
    expect(await refusal(Buffer.from('%PDF-1.7\n%%EOF\n'))).toMatchObject({ code: 'unreadable' });
  });

  it('refuses an encrypted PDF', async () => {
    expect(await refusal(await pdf(2, { encrypted: true }))).toMatchObject({ code: 'encrypted' });
  });

  it('refuses a PDF that inflates without end, in its time, while the process goes on serving', async () => {
    // About 300 KiB that pdf-lib would inflate to 300 MiB, for many seconds of one core.
    const bomb = inflatingPdf(300);
    expect(bomb.length).toBeLessThan(400_000);
    let last = Date.now();
    let longestPause = 0;
    const ticks = setInterval(() => {
      const now = Date.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 10);
    const started = Date.now();
    try {
      // Under the 2.3-2.7 s the whole bomb takes on a fast machine (see below).
      expect(await refusal(bomb, { ...rules, maxBytes: 1_000_000, timeoutMs: 1000 })).toMatchObject({
        code: 'unreadable',
      });
    } finally {
      clearInterval(ticks);
    }
    expect(Date.now() - started).toBeLessThan(5000);
    // The parse ran apart from the process's event loop: other requests were answered meanwhile.
    expect(longestPause).toBeLessThan(400);
    // And the next file is checked as usual.
    expect((await preparePdf(await pdf(2), rules)).pageCount).toBe(2);
  });
});

describe('the checks waiting for their turn', () => {
  it('refuses at once a file past the waiting ones, and checks files again once they are done', async () => {
    // One check being made (1 s of inflating) and pdfChecksWaiting waiting (briefly each). The bomb
    // is read whole in 2.3-2.7 s on a fast day of the CI machine (December 2026): a check given 3 s
    // accepted it, so the timeouts stay well under that.
    const bomb = inflatingPdf(300);
    const slow = { ...rules, maxBytes: 1_000_000 };
    const held = [refusal(bomb, { ...slow, timeoutMs: 1000 })];
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < pdfChecksWaiting; i++) held.push(refusal(bomb, { ...slow, timeoutMs: 300 }));
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    expect(await refusal(await pdf(1))).toEqual({ field: 'file', code: 'busy', values: undefined });
    expect(Date.now() - started).toBeLessThan(500);
    // What needs no parsing is still said as such.
    expect(await refusal(Buffer.from('Not a PDF.\n'))).toMatchObject({ code: 'type' });
    for (const refused of await Promise.all(held)) expect(refused).toMatchObject({ code: 'unreadable' });
    expect((await preparePdf(await pdf(2), rules)).pageCount).toBe(2);
  }, 30_000);
});

describe('file names', () => {
  it('keeps the name as sent, made safe, ending in .pdf', () => {
    expect(cleanPdfName('Rapport annuel 2024.pdf')).toBe('Rapport annuel 2024.pdf');
    expect(cleanPdfName('C:\\Users\\ana\\Werkblad tolken.PDF')).toBe('Werkblad tolken.pdf');
    expect(cleanPdfName('../../etc/passwd')).toBe('passwd.pdf');
    // A right-to-left override would show "evil\u202Efdp.exe" as "evilexe.pdf".
    expect(cleanPdfName('evil\u202Efdp.exe')).toBe('evilfdp.exe.pdf');
    expect(cleanPdfName('a\u0000b\r\nc  "d"<e>.pdf')).toBe('ab c _d__e_.pdf');
    expect(cleanPdfName('')).toBe('document.pdf');
    expect(cleanPdfName(undefined)).toBe('document.pdf');
    expect(cleanPdfName('...pdf')).toBe('document.pdf');
    const long = cleanPdfName(`${'é'.repeat(200)}.pdf`, 120);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('é.pdf')).toBe(true);
  });

  it('says the name for downloads in ASCII and in UTF-8 (RFC 5987)', () => {
    expect(attachmentDisposition('Fiche métier (v2).pdf')).toBe(
      `attachment; filename="Fiche metier _v2_.pdf"; filename*=UTF-8''Fiche%20m%C3%A9tier%20%28v2%29.pdf`,
    );
    expect(attachmentDisposition('تقرير.pdf')).toBe(
      `attachment; filename="_____.pdf"; filename*=UTF-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.pdf`,
    );
    expect(attachmentDisposition(`it's "x";.pdf`)).toBe(
      `attachment; filename="it_s _x__.pdf"; filename*=UTF-8''it%27s%20%22x%22%3B.pdf`,
    );
    // Whatever the name (cleanPdfName removes line breaks first), no header can follow it.
    expect(attachmentDisposition('a\r\nSet-Cookie: x=1;\u0085.pdf')).toBe(
      `attachment; filename="a__Set-Cookie_ x_1__.pdf"; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x%3D1%3B%C2%85.pdf`,
    );
  });
});
