import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { MultiLineText } from '../shared/schema-text.ts';
import { textProblems } from './text-rules.ts';

const body = Type.Object({
  name: Type.String(),
  note: MultiLineText(),
  tags: Type.Union([Type.String(), Type.Array(Type.String())]),
  person: Type.Object({ name: Type.String(), need: MultiLineText() }),
});
const hours = Type.Record(Type.String(), Type.String());
const codes = (value: unknown, schema: object = body) =>
  textProblems(value, schema).map((p) => `${p.field}:${p.code}`);

describe('text rules', () => {
  it('keep single-line fields on one line and allow line breaks where the schema says so', () => {
    expect(codes({ name: 'Bel Espoir', note: 'Mardi.\r\nJeudi.\tSalle 2' })).toEqual([]);
    expect(codes({ name: 'Bel\nEspoir' })).toEqual(['name:single_line']);
    expect(codes({ name: 'Bel\u2028Espoir' })).toEqual(['name:single_line']);
    expect(codes({ person: { name: 'Sam\r', need: 'a\nb' } })).toEqual(['person.name:single_line']);
    expect(codes({ tags: ['a', 'b\tc'] })).toEqual(['tags:single_line']);
    // Fields the schema does not name (records of hours, places) are one-line.
    expect(codes({ 'mon-open': '09:00\n' }, hours)).toEqual(['mon-open:single_line']);
  });

  it('refuse control characters everywhere, multi-line fields included', () => {
    expect(codes({ note: 'a\u0000b' })).toEqual(['note:control_characters']);
    expect(codes({ name: 'x\u007f', note: 'a\u001bb' })).toEqual([
      'name:control_characters',
      'note:control_characters',
    ]);
    expect(codes({ name: 'a\u0085b' })).toEqual(['name:control_characters']);
  });

  it('leave uploaded files and non-text values to what handles them', () => {
    expect(codes({ logo: Buffer.from([0, 1, 2, 10]), count: 3, flag: true })).toEqual([]);
  });
});
