// Adding a place, or changing one of the organisation's, with the services given there.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { changeListing } from '../change-listing.ts';
import { type LocationInput, writeLocation } from './locations.repo.ts';

export async function saveLocation(
  ctx: UseCaseContext,
  organisationId: string,
  locationId: string | null,
  input: LocationInput,
): Promise<string> {
  return changeListing(
    ctx,
    organisationId,
    (tx) => writeLocation(tx, organisationId, locationId, input, ctx.actor.userId),
    { confirms: true },
  );
}
