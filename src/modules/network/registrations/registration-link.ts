// The person's link, /{lang}/registrations/{token}. Its secret is "<registration id>.<mac>"
// (registration-token.ts), so every mail about the registration can carry it. Links mailed before
// were 43 random characters, of which only the SHA-256 is stored (token_hash): a token whose MAC no
// key of the ring accepts is looked up by its hash, so those links still open, and so does the first
// link of a registration after the key that made it left the ring (its hash is stored too). A link
// that is not one, or whose registration is gone, is "not found".
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import type { KeyRing } from '../../../shared/field-encryption.ts';
import { hashToken, isWellFormedToken } from '../../../shared/tokens.ts';
import { hasRegistrationTokenShape, registrationOfToken, registrationToken } from './registration-token.ts';
import { findRegistrationById, findRegistrationByToken } from './registrations.repo.ts';

export async function findRegistrationByLink(db: Executor, keys: KeyRing, token: string) {
  const id = registrationOfToken(keys, token);
  const found = id
    ? await findRegistrationById(db, id)
    : isWellFormedToken(token) || hasRegistrationTokenShape(token)
      ? await findRegistrationByToken(db, Buffer.from(hashToken(token), 'hex'))
      : undefined;
  if (!found) throw new AppError('REGISTRATION_NOT_FOUND');
  return found;
}

/** The person's link, after the origin: the page of their registration, in their language. */
export const registrationPath = (keys: KeyRing, locale: string, registrationId: string) =>
  `/${locale}/registrations/${registrationToken(keys, registrationId)}`;
