// Saving a service from its form.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { changeListing } from '../change-listing.ts';
import { organisationOfService, type ServiceInput, updateService } from './services.repo.ts';

export async function editService(
  ctx: UseCaseContext,
  serviceId: string,
  input: ServiceInput,
): Promise<{ changed: string[] }> {
  const organisationId = await organisationOfService(ctx.db, serviceId);
  return changeListing(ctx, organisationId, (tx) => updateService(tx, serviceId, input, ctx.actor.userId), {
    confirms: true,
  });
}
