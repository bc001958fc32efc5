// A card as its form posts it, and back: the text in nl/fr/en ("text.nl"), for a text card its
// glossary words and services one per line, for a situation up to five rows of choices
// ("choice1.label.nl", "choice1.feedback.nl", "choice1.next", "choice1.key"), for a quiz up to six
// options ("option1.label.nl", "option1.correct") and its feedback. Empty rows are left out.
import Type, { type TSchema } from 'typebox';
import { type FormValues, one } from '../../../shared/form-values.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';
import { type CardKind, learningLimits } from '../learning.vocabulary.ts';
import type { Card } from './cards.ts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
export const choiceRows = rows(learningLimits.choices.max);
export const optionRows = rows(learningLimits.options.max);

/** The form's fields: long enough that a text too long is told in words, not with a bare 400. */
export const CardBody = (() => {
  const fields: Record<string, TSchema> = {
    version: Type.Optional(Type.String({ maxLength: 12 })),
    kind: Type.Optional(Type.String({ maxLength: 20 })),
    concepts: Type.Optional(MultiLineText({ maxLength: 5_000 })),
    services: Type.Optional(MultiLineText({ maxLength: 5_000 })),
    next: Type.Optional(Type.String({ maxLength: 20 })),
  };
  const short = () => Type.Optional(Type.String({ maxLength: 2_000 }));
  const long = () => Type.Optional(MultiLineText({ maxLength: 10_000 }));
  for (const l of locales) {
    fields[`text.${l}`] = long();
    fields[`feedback.${l}`] = long();
  }
  for (const i of choiceRows) {
    fields[`choice${i}.key`] = Type.Optional(Type.String({ maxLength: 20 }));
    fields[`choice${i}.next`] = Type.Optional(Type.String({ maxLength: 20 }));
    for (const l of locales) {
      fields[`choice${i}.label.${l}`] = short();
      fields[`choice${i}.feedback.${l}`] = long();
    }
  }
  for (const i of optionRows) {
    fields[`option${i}.key`] = Type.Optional(Type.String({ maxLength: 20 }));
    fields[`option${i}.correct`] = Type.Optional(Type.String({ maxLength: 5 }));
    for (const l of locales) fields[`option${i}.label.${l}`] = short();
  }
  return Type.Object(fields);
})();

const textOf = (b: FormValues, name: string): I18nText =>
  Object.fromEntries(locales.map((l) => [l, one(b[`${name}.${l}`]) ?? '']));
const blank = (t: I18nText) => locales.every((l) => !(t[l] ?? '').trim());
/** One line per entry; a link is taken for its last part (a glossary address gives its slug). */
const lines = (value: string | undefined) =>
  (value ?? '')
    .split(/[\n,]/)
    .map(
      (line) =>
        line
          .trim()
          .replace(/[?#].*$/, '')
          .replace(/\/+$/, '')
          .split('/')
          .at(-1) ?? '',
    )
    .filter(Boolean);

export function cardFromForm(kind: CardKind, key: string, b: FormValues): Card {
  const text = textOf(b, 'text');
  const next = one(b.next) ?? '';
  if (kind === 'text')
    return { key, kind, text, concepts: lines(one(b.concepts)), services: lines(one(b.services)), next };
  if (kind === 'situation')
    return {
      key,
      kind,
      text,
      choices: choiceRows
        .map((i) => ({
          key: one(b[`choice${i}.key`]) ?? '',
          label: textOf(b, `choice${i}.label`),
          feedback: textOf(b, `choice${i}.feedback`),
          next: one(b[`choice${i}.next`]) ?? '',
        }))
        .filter((c) => !blank(c.label) || !blank(c.feedback)),
    };
  return {
    key,
    kind,
    text,
    options: optionRows
      .map((i) => ({
        key: one(b[`option${i}.key`]) ?? '',
        label: textOf(b, `option${i}.label`),
        correct: one(b[`option${i}.correct`]) === '1',
      }))
      .filter((o) => !blank(o.label)),
    feedback: textOf(b, 'feedback'),
    next,
  };
}

/** The form filled with a card as it is. */
export function formOfCard(card: Card): FormValues {
  const values: FormValues = { kind: card.kind };
  const put = (name: string, text: I18nText) => {
    for (const l of locales) values[`${name}.${l}`] = text[l] ?? '';
  };
  put('text', card.text);
  if (card.kind === 'text') {
    values.concepts = card.concepts.join('\n');
    values.services = card.services.join('\n');
    values.next = card.next;
  } else if (card.kind === 'situation') {
    card.choices.forEach((c, i) => {
      values[`choice${i + 1}.key`] = c.key;
      values[`choice${i + 1}.next`] = c.next;
      put(`choice${i + 1}.label`, c.label);
      put(`choice${i + 1}.feedback`, c.feedback);
    });
  } else {
    card.options.forEach((o, i) => {
      values[`option${i + 1}.key`] = o.key;
      values[`option${i + 1}.correct`] = o.correct ? '1' : '';
      put(`option${i + 1}.label`, o.label);
    });
    put('feedback', card.feedback);
    values.next = card.next;
  }
  return values;
}
