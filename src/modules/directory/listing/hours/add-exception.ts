// A dated exception to a service's hours: a closure, or special hours for some days.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { organisationOfService } from '../services/services.repo.ts';
import { changeListing } from '../change-listing.ts';
import { type ExceptionInput, insertException } from './exceptions.repo.ts';

export async function addException(
  ctx: UseCaseContext,
  serviceId: string,
  input: ExceptionInput,
): Promise<void> {
  const organisationId = await organisationOfService(ctx.db, serviceId);
  await changeListing(ctx, organisationId, (tx) => insertException(tx, serviceId, input, ctx.actor.userId), {
    confirms: true,
  });
}
