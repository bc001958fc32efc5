// A PDF made to exhaust its reader, for the tests of the PDF checks.
import { deflateSync } from 'node:zlib';

/**
 * A PDF of one page and an object stream (read whole by any reader, pdf-lib included, to find the
 * objects it holds) of blanks that inflate to `mib` MiB from about a thousandth of that: a
 * "decompression bomb".
 */
export function inflatingPdf(mib: number): Buffer {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n',
  ];
  const inflated = Buffer.concat([
    Buffer.from('5 0 '),
    Buffer.alloc(mib * 1024 * 1024, ' '),
    Buffer.from('42'),
  ]);
  const deflated = deflateSync(inflated, { level: 9 });
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  const add = (part: Buffer) => {
    parts.push(part);
    at += part.length;
  };
  for (const o of objects) {
    offsets.push(at);
    add(Buffer.from(o));
  }
  offsets.push(at);
  add(
    Buffer.from(
      `4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${deflated.length} >>\nstream\n`,
    ),
  );
  add(deflated);
  add(Buffer.from('\nendstream\nendobj\n'));
  const xref = [
    'xref',
    '0 5',
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
  ];
  add(Buffer.from(`${xref.join('\n')}\ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}
