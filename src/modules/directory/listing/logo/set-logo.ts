// A new logo: checked, decoded and re-encoded first (logo-image.ts), outside the transaction, so
// image work holds no database connection; then stored with a version.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { changeListing, requireListingEditor } from '../change-listing.ts';
import { prepareLogo } from './logo-image.ts';
import { storeLogo } from './logo.repo.ts';

export async function setLogo(ctx: UseCaseContext, organisationId: string, upload: Buffer): Promise<void> {
  // Nobody but an editor makes the server decode an image.
  await requireListingEditor(ctx, organisationId);
  const logo = await prepareLogo(upload);
  await changeListing(ctx, organisationId, (tx) => storeLogo(tx, organisationId, logo, ctx.actor.userId), {
    confirms: false,
  });
}
