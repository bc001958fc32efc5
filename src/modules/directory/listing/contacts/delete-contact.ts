// Removing a contact person; the version keeps what it was.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { changeListing } from '../change-listing.ts';
import { removeContact } from './contacts.repo.ts';

export async function deleteContact(
  ctx: UseCaseContext,
  organisationId: string,
  contactId: string,
): Promise<void> {
  await changeListing(
    ctx,
    organisationId,
    (tx) => removeContact(tx, organisationId, contactId, ctx.actor.userId),
    {
      confirms: false,
    },
  );
}
