// The forms of asking and answering: what they send, as the use cases take it, and what they show
// again after a refusal. Asking and answering (questions.web.ts) and changing one's post
// (edit-posts.web.ts) share them.
import Type, { type Static } from 'typebox';
import { list } from '../../../shared/form-values.ts';
import { MultiLineText } from '../../../shared/schema-text.ts';

/** Text fields are long enough to say what is too long in words, not with a bare 400. */
export const AskBody = Type.Object({
  title: Type.Optional(Type.String({ maxLength: 2_000 })),
  body: Type.Optional(MultiLineText({ maxLength: 100_000 })),
  language: Type.Optional(Type.String({ maxLength: 10 })),
  themes: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 100 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 }),
    ]),
  ),
  commune: Type.Optional(Type.String({ maxLength: 10 })),
  visibility: Type.Optional(Type.String({ maxLength: 20 })),
  organisation: Type.Optional(Type.String({ maxLength: 64 })),
});
export const AnswerBody = Type.Object({
  body: Type.Optional(MultiLineText({ maxLength: 100_000 })),
  links: Type.Optional(MultiLineText({ maxLength: 20_000 })),
  language: Type.Optional(Type.String({ maxLength: 10 })),
  organisation: Type.Optional(Type.String({ maxLength: 64 })),
});

type Asked = Omit<Static<typeof AskBody>, 'organisation'>;
type Answered = Omit<Static<typeof AnswerBody>, 'organisation'>;

export const questionInput = (b: Asked) => ({
  title: b.title ?? '',
  body: b.body ?? '',
  language: b.language ?? '',
  themes: list(b.themes),
  commune: b.commune ?? '',
  visibility: b.visibility ?? '',
});

export const answerInput = (b: Answered) => ({
  body: b.body ?? '',
  links: b.links ?? '',
  language: b.language ?? '',
});

// A refused text longer than the form takes is not sent back whole.
export const refusedQuestion = <B extends Asked>(b: B): B => ({
  ...b,
  title: (b.title ?? '').slice(0, 300),
  body: (b.body ?? '').slice(0, 10_000),
});

export const refusedAnswer = (b: Answered) => ({
  body: (b.body ?? '').slice(0, 10_000),
  links: (b.links ?? '').slice(0, 5_000),
  language: b.language ?? '',
});
