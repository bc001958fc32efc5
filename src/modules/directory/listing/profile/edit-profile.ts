// Saving the profile form: names, description, kind, KBO/BCE number, e-mail and website.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import type { NewOrganisation } from '../../use-cases/create-organisation.ts';
import { changeListing } from '../change-listing.ts';
import { updateOrganisation } from './profile.repo.ts';

export async function editProfile(
  ctx: UseCaseContext,
  organisationId: string,
  input: NewOrganisation,
): Promise<{ changed: string[] }> {
  return changeListing(
    ctx,
    organisationId,
    (tx) => updateOrganisation(tx, organisationId, input, ctx.actor.userId),
    { confirms: true },
  );
}
