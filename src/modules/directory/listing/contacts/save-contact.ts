// Adding a contact person, or changing one of the organisation's.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { changeListing } from '../change-listing.ts';
import { type ContactInput, writeContact } from './contacts.repo.ts';

export async function saveContact(
  ctx: UseCaseContext,
  organisationId: string,
  contactId: string | null,
  input: ContactInput,
): Promise<string> {
  return changeListing(
    ctx,
    organisationId,
    (tx) => writeContact(tx, organisationId, contactId, input, ctx.actor.userId),
    { confirms: false },
  );
}
