// Removing a dated exception; the version keeps what it was.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { organisationOfService } from '../services/services.repo.ts';
import { changeListing } from '../change-listing.ts';
import { removeException } from './exceptions.repo.ts';

export async function deleteException(
  ctx: UseCaseContext,
  serviceId: string,
  exceptionId: string,
): Promise<void> {
  const organisationId = await organisationOfService(ctx.db, serviceId);
  await changeListing(
    ctx,
    organisationId,
    (tx) => removeException(tx, serviceId, exceptionId, ctx.actor.userId),
    {
      confirms: false,
    },
  );
}
