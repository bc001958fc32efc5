// Removing a place; the version keeps what it was.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { changeListing } from '../change-listing.ts';
import { removeLocation } from './locations.repo.ts';

export async function deleteLocation(
  ctx: UseCaseContext,
  organisationId: string,
  locationId: string,
): Promise<void> {
  await changeListing(
    ctx,
    organisationId,
    (tx) => removeLocation(tx, organisationId, locationId, ctx.actor.userId),
    {
      confirms: false,
    },
  );
}
