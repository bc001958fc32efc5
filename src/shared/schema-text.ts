// Text fields of request bodies are single-line unless their schema says otherwise: a name, an
// address or a phone number with a line break or a control character is refused before any use case
// sees it (src/http/text-rules.ts). "x-multiline" marks the fields that may hold line breaks (a
// description, a message); it is an OpenAPI extension, so the API's readers see it too.
import Type, { type TStringOptions } from 'typebox';

export const multiLineKeyword = 'x-multiline';

/** A text that may hold line breaks and tabs (still no other control characters). */
export const MultiLineText = (options: TStringOptions = {}) =>
  Type.String({ ...options, [multiLineKeyword]: true });
