// The glossary's exports through the real app, on the first edition (364 concepts) with a few
// changes made the way a moderator's edit leaves them (a version row moves the edition): Turtle
// parsed back with n3 and read as triples, JSON-LD read as JSON under its @context, CSV read back
// field by field (a word with a comma and quotes in it), the URIs on the configured public address,
// a 304 for the edition a client has, and the URIs leading to the pages.
import { Parser, type Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../../test/helpers/members.ts';
import { useTestApp } from '../../../../test/helpers/test-app.ts';
import { foldLabel } from '../labels/fold-label.ts';
import { csvColumns } from './glossary-csv.ts';

const origin = 'https://passerelle.example';
const app = useTestApp({ config: { publicUrl: origin } });

const skos = 'http://www.w3.org/2004/02/skos/core#';
const dct = 'http://purl.org/dc/terms/';
const uri = (slug: string) => `${origin}/glossary/concepts/${slug}`;
const tricky = 'Huis "De Brug", Anderlecht';

/** Changes a concept in SQL and records a version, as an edit does: the edition moves. */
async function change(slug: string, statements: string[]) {
  for (const s of statements) await sql(app.t, s, s.includes('$1') ? [slug] : []);
  await sql(
    app.t,
    `insert into glossary_versions (concept_id, version, note, state)
     select id, version + 1, 'test', '{}'::jsonb from glossary_concepts where slug = $1`,
    [slug],
  );
  await sql(app.t, `update glossary_concepts set version = version + 1, updated_at = now() where slug = $1`, [
    slug,
  ]);
}

/** RFC 4180, read independently of the library that wrote it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

const objects = (quads: Quad[], subject: string, predicate: string) =>
  quads
    .filter((q) => q.subject.value === subject && q.predicate.value === predicate)
    .map((q) =>
      q.object.termType === 'Literal' && q.object.language
        ? `${q.object.value}@${q.object.language}`
        : q.object.value,
    );

describe('the glossary’s exports', () => {
  it('gives SKOS in Turtle that n3 parses back into the concepts, their words and links', async () => {
    await change('ocmw', [
      `update glossary_concepts set definition = '{"nl": "Het openbaar centrum voor maatschappelijk welzijn van een gemeente.", "fr": "Le centre public d''action sociale d''une commune."}'::jsonb where slug = $1`,
      `insert into glossary_labels (concept_id, language, kind, text, folded, position)
       select id, 'nl', 'synonym', '${tricky.replace(/'/g, "''")}', '${foldLabel(tricky)}', 9 from glossary_concepts where slug = $1`,
      `update glossary_labels set sector = 'cocof' where text = 'CPAS'`,
    ]);
    await change('leefloon', [
      `update glossary_concepts set broader = array[(select id from glossary_concepts where slug = 'ocmw')] where slug = $1`,
    ]);
    const res = await app.get('/glossary/skos.ttl');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(res.body).toContain('@prefix skos: <http://www.w3.org/2004/02/skos/core#>.');
    const quads = new Parser({ format: 'text/turtle' }).parse(res.body);

    const type = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
    expect(objects(quads, `${origin}/glossary`, type)).toEqual([`${skos}ConceptScheme`]);
    expect(objects(quads, `${origin}/glossary`, `${dct}title`)).toContain(
      'Glossaire bruxellois de l’aide sociale@fr',
    );
    const concepts = quads.filter((q) => q.predicate.value === type && q.object.value === `${skos}Concept`);
    expect(concepts).toHaveLength(364);

    const ocmw = uri('ocmw');
    expect(objects(quads, ocmw, `${skos}prefLabel`).sort()).toEqual(['CPAS@fr', 'OCMW@nl', 'PCSW@en']);
    expect(objects(quads, ocmw, `${skos}altLabel`)).toEqual(
      expect.arrayContaining([
        'sociaal huis@nl',
        'centre public d action sociale@fr'.replace(' d ', " d'"),
        `${tricky}@nl`,
      ]),
    );
    expect(objects(quads, ocmw, `${skos}definition`)).toContain(
      "Le centre public d'action sociale d'une commune.@fr",
    );
    expect(objects(quads, ocmw, `${skos}inScheme`)).toEqual([`${origin}/glossary`]);
    expect(objects(quads, ocmw, `${skos}narrower`)).toEqual([uri('leefloon')]);
    expect(objects(quads, uri('leefloon'), `${skos}broader`)).toEqual([ocmw]);
    const [modified] = quads.filter(
      (q) => q.subject.value === ocmw && q.predicate.value === `${dct}modified`,
    );
    expect(modified!.object.termType === 'Literal' && modified!.object.datatype.value).toBe(
      'http://www.w3.org/2001/XMLSchema#dateTime',
    );
    expect(Date.parse(modified!.object.value)).toBeGreaterThan(Date.now() - 60_000);
    // A top concept of the scheme has no broader one.
    const tops = objects(quads, `${origin}/glossary`, `${skos}hasTopConcept`);
    expect(tops).toContain(ocmw);
    expect(tops).not.toContain(uri('leefloon'));
  });

  it('gives the same in JSON-LD, as JSON with its @context', async () => {
    const res = await app.get('/glossary/skos.jsonld');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const doc = JSON.parse(res.body);
    expect(doc['@context'].skos).toBe(skos);
    expect(doc['@context'].prefLabel).toEqual({ '@id': 'skos:prefLabel', '@container': '@language' });
    const ocmw = doc['@graph'].find((n: { '@id': string }) => n['@id'] === uri('ocmw'));
    expect(ocmw['@type']).toBe('Concept');
    expect(ocmw.prefLabel).toEqual({ nl: 'OCMW', fr: 'CPAS', en: 'PCSW' });
    expect(ocmw.altLabel.nl).toContain(tricky);
    expect(ocmw.definition.fr).toBe("Le centre public d'action sociale d'une commune.");
    expect(ocmw.narrower).toEqual([uri('leefloon')]);
    expect(ocmw.inScheme).toBe(`${origin}/glossary`);
    expect(doc['@graph'][0]['@type']).toBe('ConceptScheme');
    expect(doc['@graph']).toHaveLength(365);
  });

  it('gives CSV, one line per word, that reads back field for field', async () => {
    const res = await app.get('/glossary/glossary.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toBe('attachment; filename="glossary.csv"');
    expect(res.body.startsWith('\ufeff')).toBe(true);
    expect(res.body).toContain(`"Huis ""De Brug"", Anderlecht"`);
    const [header, ...rows] = parseCsv(res.body.slice(1));
    expect(header).toEqual([...csvColumns]);
    for (const row of rows) expect(row).toHaveLength(csvColumns.length);
    const record = (row: string[]) => Object.fromEntries(csvColumns.map((c, i) => [c, row[i]]));
    const words = rows.map(record).filter((r) => r.concept === 'ocmw');
    expect(words.find((w) => w.word === tricky)).toMatchObject({
      uri: uri('ocmw'),
      language: 'nl',
      kind: 'synonym',
      definition: 'Het openbaar centrum voor maatschappelijk welzijn van een gemeente.',
    });
    expect(words.find((w) => w.word === 'CPAS')).toMatchObject({ kind: 'preferred', sector: 'cocof' });
    expect(rows.map(record).find((r) => r.concept === 'leefloon')?.broader).toBe('ocmw');
    const [{ n }] = await sql(app.t, 'select count(*)::int as n from glossary_labels');
    expect(rows).toHaveLength(n);
  });

  it('is sent again only when the glossary changed (ETag of its edition)', async () => {
    const first = await app.get('/glossary/skos.ttl');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await app.get('/glossary/skos.ttl', { 'if-none-match': etag })).statusCode).toBe(304);
    // Each format has its own.
    expect((await app.get('/glossary/glossary.csv', { 'if-none-match': etag })).statusCode).toBe(200);
    await change('ocmw', [`update glossary_labels set text = 'Sociaal Huis' where text = 'sociaal huis'`]);
    const after = await app.get('/glossary/skos.ttl', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain('"Sociaal Huis"@nl');
  });

  it('leads the URIs to the pages in the reader’s language', async () => {
    const concept = await app.get('/glossary/concepts/ocmw', { 'accept-language': 'fr-BE,fr;q=0.9' });
    expect(concept.statusCode).toBe(303);
    expect(concept.headers.location).toBe('/fr/glossary/ocmw');
    const scheme = await app.get('/glossary', { 'accept-language': 'nl' });
    expect(scheme.headers.location).toBe('/nl/glossary');
  });

  it('is linked from the glossary’s page', async () => {
    const page = await app.get('/en/glossary');
    for (const file of ['skos.ttl', 'skos.jsonld', 'glossary.csv'])
      expect(page.body).toContain(`href="/glossary/${file}"`);
  });
});
