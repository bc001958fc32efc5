// Removing the logo, with a version.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { changeListing } from '../change-listing.ts';
import { deleteLogo } from './logo.repo.ts';

export async function removeLogo(ctx: UseCaseContext, organisationId: string): Promise<void> {
  await changeListing(ctx, organisationId, (tx) => deleteLogo(tx, organisationId, ctx.actor.userId), {
    confirms: false,
  });
}
