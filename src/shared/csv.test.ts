// Fields of a CSV: quoted as RFC 4180 asks, and never run as a formula by a spreadsheet.
import { describe, expect, it } from 'vitest';
import { csvField, csvLines } from './csv.ts';

describe('csvField', () => {
  it('never lets a spreadsheet read a text as a formula', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', ''].map(csvField)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
      'plain',
      '',
    ]);
  });

  it('quotes a field with a quote, a comma or a line break, and writes numbers as they are', () => {
    expect(csvField('a "quoted", text')).toBe('"a ""quoted"", text"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvField(12)).toBe('12');
  });
});

describe('csvLines', () => {
  it('ends every line with CRLF', () => {
    expect(
      csvLines([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('a,b\r\n1,2\r\n');
  });
});
