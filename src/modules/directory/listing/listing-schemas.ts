// Request shapes shared by the listing forms. Generous bounds: the use cases give the real,
// translated reasons; these only stop absurd bodies.
import Type from 'typebox';
import { locales } from '../../../shared/i18n-text.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';

export const text = Type.Optional(Type.String({ maxLength: 10_000 }));
const longText = Type.Optional(MultiLineText({ maxLength: 10_000 }));

/** "name.nl", "name.fr", "name.en" for each name; text areas (`long`) may hold line breaks. */
export const textFields = (names: readonly string[], long: readonly string[] = []) =>
  Object.fromEntries(
    names.flatMap((n) => locales.map((l) => [`${n}.${l}`, long.includes(n) ? longText : text])),
  );

export const many = Type.Optional(
  Type.Union([
    Type.String({ maxLength: 100 }),
    Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
  ]),
);

export const SavedQuery = Type.Object({ done: Type.Optional(Type.Literal('saved')) });

const id = Type.String({ maxLength: 64 });
/** Path parameters of a listing's sub-records: the organisation or service, and the record. */
export const ExceptionParams = Type.Object({ id, exceptionId: id });
