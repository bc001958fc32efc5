// Giving a person a platform role (moderator, analyst, platform admin) or taking it back. Done
// from the command line by whoever runs the platform: there is no page for it, so no one can
// make themselves an admin through the web.
import type { Database } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { normaliseEmail } from '../account-fields.ts';
import { findUserByEmail, updateUser } from '../accounts.repo.ts';
import { type PlatformRole, platformRoles } from '../accounts.vocabulary.ts';

export async function setPlatformRole(
  db: Database,
  email: string,
  role: string,
  by: string,
): Promise<{ before: PlatformRole; after: PlatformRole }> {
  if (!platformRoles.includes(role as PlatformRole))
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'role', message: `must be one of ${platformRoles.join(', ')}` }],
    });
  return db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, normaliseEmail(email));
    if (!user) throw new AppError('USER_NOT_FOUND');
    await updateUser(tx, user.id, { platformRole: role as PlatformRole });
    await recordAudit(tx, {
      event: 'platform_role.changed',
      actorEmail: by,
      subjectType: 'user',
      subjectId: user.id,
      details: { email: user.email, before: user.platformRole, after: role },
    });
    return { before: user.platformRole, after: role as PlatformRole };
  });
}
