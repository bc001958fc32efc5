// Practices' PDF attachments through the real HTTP app, as browsers without JavaScript: a member
// of the organisation attaches a PDF on the practice's change page (multipart), it is listed there
// and on the practice's page, and served as a download with its name, a sandbox and an ETag, only
// to those who may read the practice (a draft's file is "not found" for a stranger). Files that are
// not PDFs whatever their names, cut-off or encrypted ones, files over 10 MiB and a sixth
// attachment, even sent at once with a fifth, are refused in words with nothing stored.
import { createHash, randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FormClient } from '../../../../test/helpers/form-client.ts';
import { type Member, memberOf, signedInPerson, sql } from '../../../../test/helpers/members.ts';
import { expectRefused } from '../../../../test/helpers/refused.ts';
import { inflatingPdf } from '../../../../test/helpers/inflating-pdf.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { pdfChecksWaiting, preparePdf } from '../../../shared/pdfs.ts';
import { attachmentLimits } from '../knowledge.vocabulary.ts';

const app = useTestApp();

async function pdf(pages = 3, { encrypted = false } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc.addPage([595, 842]).drawText(`Werkblad ${i}`, { x: 50, y: 780, font, size: 18 });
  if (encrypted)
    doc.context.trailerInfo.Encrypt = doc.context.register(
      doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -44 }),
    );
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Two organisations, a member of the first, and a draft practice of theirs. */
async function world() {
  const [a, b] = await sql(app.t, `select id from organisations order by provenance_id limit 2`);
  const author = await memberOf(app.t, a.id, ['referrer'], { locale: 'fr' });
  const slug = `attachments-${randomUUID().slice(0, 8)}`;
  const [{ id }] = await sql(
    app.t,
    `insert into practices (slug, organisation_id, author_id, title, search_terms)
     values ($1, $2, $3, '{"fr":"Partager des interprètes"}', ''::tsvector) returning id`,
    [slug, a.id, author.id],
  );
  return { orgA: a.id as string, orgB: b.id as string, author, slug, practiceId: id as string };
}

/** Opens the change page (for its token), then posts the attachment form. */
async function upload(
  who: Member,
  slug: string,
  data: Buffer,
  { name = 'werkblad.pdf', fields = {} as Record<string, string>, type = 'application/pdf' } = {},
) {
  if (!/name="_csrf"/.test((await who.get('/fr/account')).body)) throw new Error('no token');
  return who.upload(`/fr/practices/${slug}/attachments`, fields, { field: 'attachment', name, type, data });
}

/** A conditional request for a file, as a browser that kept it asks again. */
const askAgain = (who: Member | FormClient, path: string, etag: string) => {
  const session = who.cookie('passerelle_session');
  return app.t.app.inject({
    url: path,
    headers: { 'if-none-match': etag, ...(session ? { cookie: `passerelle_session=${session}` } : {}) },
  });
};

const stored = async (practiceId: string) =>
  await sql(
    app.t,
    `select id, file_name, title, content_type, size, sha256, page_count, position, created_by
     from practice_attachments where practice_id = $1 order by position, created_at`,
    [practiceId],
  );
const audited = async (practiceId: string) =>
  (
    await sql(
      app.t,
      `select event from audit_log where subject_id = $1 and event like 'knowledge.attachment%' order by id`,
      [practiceId],
    )
  ).map((r) => r.event as string);

describe('a practice’s attachments', () => {
  it('a member attaches a PDF; it is listed and served only to those who may read the practice', async () => {
    const { orgB, author, slug, practiceId } = await world();
    const form = await author.get(`/fr/practices/${slug}/edit`);
    expect(form.body).toContain('id="attachments-title"');
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('Pas encore de pièce jointe');

    const bytes = await pdf(3);
    const added = await upload(author, slug, bytes, {
      name: 'Fiche métier (v2).pdf',
      fields: { 'attachment_title.fr': 'La fiche du projet', 'attachment_title.nl': '' },
    });
    expect(added.statusCode, added.body.slice(0, 2000)).toBe(303);
    expect(added.headers.location).toBe(`/fr/practices/${slug}/edit?done=added#attachments`);
    const [row, ...others] = await stored(practiceId);
    expect(others).toEqual([]);
    expect(row).toEqual({
      id: expect.any(String),
      file_name: 'Fiche métier (v2).pdf',
      title: { fr: 'La fiche du projet' },
      content_type: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      page_count: 3,
      position: 0,
      created_by: author.id,
    });
    expect(await audited(practiceId)).toEqual(['knowledge.attachment_added']);

    // The change page: the notice, the file with its remove button.
    const edit = (await author.get(added.headers.location as string)).body;
    expect(edit).toContain('Le PDF est joint.');
    expect(edit).toContain(`action="/fr/practices/${slug}/attachments/${row!.id}/delete"`);
    expect(edit).toContain('aria-label="Retirer la pièce jointe « La fiche du projet »"');
    expect(edit).toContain('1 pièce jointe sur 5 au maximum');

    // A draft's file: its organisation's members and the moderators have it, nobody else.
    const path = `/practice-attachments/${row!.id}`;
    const visitor = new FormClient(app.t.app);
    const outsider = await memberOf(app.t, orgB, ['admin'], { locale: 'nl' });
    const moderator = await signedInPerson(app.t, { platformRole: 'moderator' });
    expect((await visitor.get(path)).statusCode).toBe(404);
    expect((await outsider.get(path)).statusCode).toBe(404);
    expect((await visitor.get(`/practice-attachments/${randomUUID()}`)).statusCode).toBe(404);
    expect((await visitor.get('/practice-attachments/not-an-id')).statusCode).toBe(404);
    expect((await moderator.get(path)).statusCode).toBe(200);
    const served = await author.get(path);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(bytes)).toBe(true);
    expect(served.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Fiche metier _v2_.pdf"; filename*=UTF-8''Fiche%20m%C3%A9tier%20%28v2%29.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-cache',
      etag: `"${row!.sha256}"`,
    });
    // Asked again with its ETag: not sent again, but still only to those who may have it.
    const again = await askAgain(author, path, `"${row!.sha256}"`);
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect((await askAgain(visitor, path, `"${row!.sha256}"`)).statusCode).toBe(404);

    // Published: everyone has it, and the practice's page lists it with its size and pages.
    await sql(app.t, `update practices set status = 'published', published_at = now() where id = $1`, [
      practiceId,
    ]);
    expect((await visitor.get(path)).statusCode).toBe(200);
    const page = (await visitor.get(`/fr/practices/${slug}`)).body;
    expect(page).toContain('id="attachments-title"');
    expect(page).toMatch(
      new RegExp(`<a href="${path}" type="application/pdf"><span>La fiche du projet</span></a>`),
    );
    expect(page).toMatch(/\(PDF, \d+\sko, 3 pages\)/);
    // In Dutch, which the title lacks: the French title, marked as French.
    expect((await visitor.get(`/nl/practices/${slug}`)).body).toContain(
      '<span lang="fr">La fiche du projet</span>',
    );
    // Taken off the library: its file goes with it.
    await sql(app.t, `update practices set status = 'unpublished' where id = $1`, [practiceId]);
    expect((await visitor.get(path)).statusCode).toBe(404);
    expect((await author.get(path)).statusCode).toBe(200);

    // Removing: not by others; by a member, with an audit entry, and its address is gone.
    await outsider.get('/nl/account');
    expect((await outsider.post(`/nl/practices/${slug}/attachments/${row!.id}/delete`, {})).statusCode).toBe(
      404,
    );
    expect(await stored(practiceId)).toHaveLength(1);
    await author.get('/fr/account');
    const removed = await author.post(`/fr/practices/${slug}/attachments/${row!.id}/delete`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/fr/practices/${slug}/edit?done=removed#attachments`);
    expect(await stored(practiceId)).toEqual([]);
    expect(await audited(practiceId)).toEqual(['knowledge.attachment_added', 'knowledge.attachment_removed']);
    expect((await author.get(path)).statusCode).toBe(404);
    expect((await author.post(`/fr/practices/${slug}/attachments/${row!.id}/delete`, {})).statusCode).toBe(
      404,
    );
  });

  it('refuses what is not a whole, open PDF, in words, and stores nothing', async () => {
    const { author, slug, practiceId } = await world();
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    // A PNG and a letter named ".pdf", sent as PDFs.
    expectRefused(await upload(author, slug, png, { name: 'rapport.pdf' }), 'Ce fichier n’est pas un PDF');
    expectRefused(
      await upload(author, slug, Buffer.from('Beste collega’s, hierbij het verslag.\n'), {
        name: 'verslag.pdf',
      }),
      'Ce fichier n’est pas un PDF',
    );
    const bytes = await pdf(2);
    const cut = await upload(author, slug, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    expectRefused(cut, 'Ce PDF ne peut pas être lu');
    // The form comes again, with what was typed and the field marked.
    const typed = await upload(author, slug, await pdf(1, { encrypted: true }), {
      fields: { 'attachment_title.fr': 'Le rapport protégé' },
    });
    expectRefused(typed, 'Ce PDF est protégé', 'value="Le rapport protégé"', 'aria-invalid="true"');
    expectRefused(
      await upload(author, slug, Buffer.alloc(0), { name: '' }),
      'Choisissez d’abord un fichier PDF',
    );
    expectRefused(
      await upload(author, slug, await pdf(1), { fields: { 'attachment_title.fr': 'x'.repeat(201) } }),
      '200 caractères',
    );
    expect(await stored(practiceId)).toEqual([]);
    expect(await audited(practiceId)).toEqual([]);
  });

  it('takes a file of exactly 10 MiB, and refuses a larger one saying the limit', async () => {
    const { author, slug, practiceId } = await world();
    const max = attachmentLimits.maxBytes;
    const base = await pdf(1);
    // A real PDF padded with a comment: the most an attachment may weigh, and one byte more.
    const padded = (size: number) =>
      Buffer.concat([base, Buffer.from(`%${'x'.repeat(size - base.length - 8)}\n%%EOF\n`)]);
    expect(padded(max).length).toBe(max);

    // One byte over: read (the form's body is within the route's limit), cut, and refused.
    const over = await upload(author, slug, padded(max + 1));
    expectRefused(over, 'Ce fichier dépasse 10 Mo');
    // Far over: refused before it is read, on the same page, saying the same.
    const far = await upload(author, slug, Buffer.concat([base, Buffer.alloc(max + 512 * 1024)]));
    expect(far.statusCode).toBe(413);
    expect(far.body).toContain('Ce fichier dépasse 10 Mo');
    expect(far.body).toContain('id="f-attachment"');
    expect(await stored(practiceId)).toEqual([]);

    const exact = await upload(author, slug, padded(max));
    expect(exact.statusCode, exact.body.slice(0, 2000)).toBe(303);
    expect((await stored(practiceId)).map((r) => r.size)).toEqual([max]);
  });

  it('keeps at most five, even when two are sent at once, and only for the organisation’s members', async () => {
    const { orgB, author, slug, practiceId } = await world();
    for (let i = 1; i <= attachmentLimits.perPractice - 1; i++)
      expect((await upload(author, slug, await pdf(i), { name: `deel ${i}.pdf` })).statusCode).toBe(303);
    // Two members send the fifth at the same moment: one is kept.
    const colleague = await memberOf(
      app.t,
      (await sql(app.t, 'select organisation_id from practices where id = $1', [practiceId]))[0]
        .organisation_id,
      ['editor'],
      { locale: 'fr' },
    );
    await colleague.get('/fr/account');
    await author.get('/fr/account');
    const file = (n: number) => ({ field: 'attachment', name: `samen ${n}.pdf`, type: 'application/pdf' });
    const [one, two] = await Promise.all([
      author.upload(`/fr/practices/${slug}/attachments`, {}, { ...file(1), data: await pdf(1) }),
      colleague.upload(`/fr/practices/${slug}/attachments`, {}, { ...file(2), data: await pdf(2) }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([303, 400]);
    expect([one, two].find((r) => r.statusCode === 400)!.body).toContain(
      'Une pratique a au maximum 5 pièces jointes',
    );
    expect(await stored(practiceId)).toHaveLength(5);
    expect((await stored(practiceId)).map((r) => r.position)).toEqual([0, 1, 2, 3, 4]);

    // Full: the page says so instead of offering the form, and a sixth is refused.
    const edit = (await author.get(`/fr/practices/${slug}/edit`)).body;
    expect(edit).toContain('Cette pratique a 5 pièces jointes, le maximum');
    expect(edit).not.toContain('id="f-attachment"');
    expectRefused(await upload(author, slug, await pdf(1)), 'Une pratique a au maximum 5 pièces jointes');
    expect(await stored(practiceId)).toHaveLength(5);

    // Others: neither the form nor the upload.
    const outsider = await memberOf(app.t, orgB, ['admin'], { locale: 'fr' });
    expect((await outsider.get(`/fr/practices/${slug}/edit`)).statusCode).toBe(404);
    await sql(app.t, 'delete from practice_attachments where practice_id = $1', [practiceId]);
    expect((await upload(outsider, slug, await pdf(1))).statusCode).toBe(404);
    expect(await stored(practiceId)).toEqual([]);
  });

  it('refuses a forged upload, an attachment of another practice and a member who left, changing nothing', async () => {
    const { orgA, orgB, author, slug, practiceId } = await world();
    expect((await upload(author, slug, await pdf(1))).statusCode).toBe(303);
    const [kept] = await stored(practiceId);

    // A multipart form without the page's token (another site's form posting a file): refused.
    for (const token of ['', 'forged'])
      expect((await upload(author, slug, await pdf(1), { fields: { _csrf: token } })).statusCode).toBe(403);
    expect(await stored(practiceId)).toHaveLength(1);

    // A member of another organisation names this attachment under their own practice.
    const outsider = await memberOf(app.t, orgB, ['admin'], { locale: 'fr' });
    const theirs = `theirs-${randomUUID().slice(0, 8)}`;
    await sql(
      app.t,
      `insert into practices (slug, organisation_id, author_id, title, search_terms)
       values ($1, $2, $3, '{"fr":"La leur"}', ''::tsvector)`,
      [theirs, orgB, outsider.id],
    );
    await outsider.get('/fr/account');
    const crossed = await outsider.post(`/fr/practices/${theirs}/attachments/${kept!.id}/delete`, {});
    expect(crossed.statusCode).toBe(404);
    // Nor does a file far over the limit show them the other's change page.
    const far = await upload(outsider, slug, Buffer.alloc(attachmentLimits.maxBytes + 512 * 1024));
    expect(far.statusCode).toBe(404);
    expect(far.body).not.toContain('id="f-attachment"');
    expect(await stored(practiceId)).toHaveLength(1);

    // The author leaves the organisation: neither attaches nor removes any more.
    await sql(app.t, 'delete from memberships where user_id = $1 and organisation_id = $2', [
      author.id,
      orgA,
    ]);
    expect((await upload(author, slug, await pdf(1))).statusCode).toBe(404);
    await author.get('/fr/account');
    expect((await author.post(`/fr/practices/${slug}/attachments/${kept!.id}/delete`, {})).statusCode).toBe(
      404,
    );
    expect((await stored(practiceId)).map((r) => r.id)).toEqual([kept!.id]);
    expect(await audited(practiceId)).toEqual(['knowledge.attachment_added']);
  });

  it('refuses the file of a member who left while it was being checked', async () => {
    const { orgA, author, slug, practiceId } = await world();
    await author.get('/fr/account');
    // Another file holds the PDF checks (one at a time) for a few seconds, as a large one would.
    const rules = {
      field: 'f',
      maxBytes: 1_000_000,
      codes: { missing: 'm', tooBig: 'b', type: 't', unreadable: 'u', encrypted: 'e', busy: 'w' },
    };
    const busy = preparePdf(inflatingPdf(300), { ...rules, timeoutMs: 4000 }).catch(() => undefined);
    const sent = author.upload(
      `/fr/practices/${slug}/attachments`,
      {},
      { field: 'attachment', name: 'laat.pdf', type: 'application/pdf', data: await pdf(1) },
    );
    // Past its permission check, waiting for its turn: the author leaves the organisation.
    await new Promise((r) => setTimeout(r, 1500));
    await sql(app.t, 'delete from memberships where user_id = $1 and organisation_id = $2', [
      author.id,
      orgA,
    ]);
    expect((await sent).statusCode).toBe(404);
    await busy;
    expect(await stored(practiceId)).toEqual([]);
    expect(await audited(practiceId)).toEqual([]);
  });

  it('refuses a file in words when too many wait to be checked, and keeps nothing', async () => {
    const { author, slug, practiceId } = await world();
    const rules = {
      field: 'f',
      maxBytes: 1_000_000,
      codes: { missing: 'm', tooBig: 'b', type: 't', unreadable: 'u', encrypted: 'e', busy: 'w' },
    };
    // One file being checked (for 6 s: the upload comes meanwhile) and as many waiting as the
    // process lets wait (briefly each).
    const bomb = inflatingPdf(300);
    const held = [preparePdf(bomb, { ...rules, timeoutMs: 6000 }).catch(() => undefined)];
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < pdfChecksWaiting; i++)
      held.push(preparePdf(bomb, { ...rules, timeoutMs: 300 }).catch(() => undefined));
    await new Promise((r) => setTimeout(r, 100));
    expectRefused(await upload(author, slug, await pdf(1)), 'réessayez dans une minute');
    await Promise.all(held);
    expect(await stored(practiceId)).toEqual([]);
    expect(await audited(practiceId)).toEqual([]);
    // Once they are done, the same file is taken.
    expect((await upload(author, slug, await pdf(1))).statusCode).toBe(303);
    expect(await stored(practiceId)).toHaveLength(1);
  }, 60_000);
});
