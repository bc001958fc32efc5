// Text fields of request bodies are single-line unless their schema says otherwise: a name, an
// address or a phone number with a line break or a control character is refused before any use case
// sees it (src/http/text-rules.ts). "x-multiline" marks the fields that may hold line breaks (a
// description, a message); "x-password" the ones taken as typed (a password is never shown, and one
// set before these rules may hold a tab). Both are OpenAPI extensions, so the API's readers see them.
import Type, { type TStringOptions } from 'typebox';

export const multiLineKeyword = 'x-multiline';
export const passwordKeyword = 'x-password';

/** A text that may hold line breaks and tabs (still no other control characters). */
export const MultiLineText = (options: TStringOptions = {}) =>
  Type.String({ ...options, [multiLineKeyword]: true });

/** A password: any characters, as typed. */
export const PasswordText = (options: TStringOptions = {}) =>
  Type.String({ ...options, [passwordKeyword]: true });
