// The shapes of short values people type or URLs carry, checked in one place.

/** A UUID as the database makes them; anything else cannot be a record's id. */
export const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Deliberately loose: one @, a dot in the domain, no spaces. A confirmation e-mail is the real test.
export const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A BCP 47 language tag as people write them for spoken languages: "ar", "tzm", "pt-BR". */
export const languageCodeShape = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const isUuid = (value: string): boolean => uuidShape.test(value);

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && emailShape.test(value);
}
