// The person's link, /{lang}/registrations/{token}: its secret is 43 random characters; only its
// SHA-256 is stored. A link that is not one, or whose registration is gone, is "not found".
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { hashToken, isWellFormedToken } from '../../../shared/tokens.ts';
import { findRegistrationByToken } from './registrations.repo.ts';

export async function findRegistrationByLink(db: Executor, token: string) {
  if (!isWellFormedToken(token)) throw new AppError('REGISTRATION_NOT_FOUND');
  const found = await findRegistrationByToken(db, Buffer.from(hashToken(token), 'hex'));
  if (!found) throw new AppError('REGISTRATION_NOT_FOUND');
  return found;
}
