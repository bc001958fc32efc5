// A new service of an organisation, from the service form; its first version lists every field set.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { changeListing } from '../change-listing.ts';
import { insertService, type ServiceInput } from './services.repo.ts';

export async function createService(
  ctx: UseCaseContext,
  organisationId: string,
  input: ServiceInput,
): Promise<string> {
  return changeListing(
    ctx,
    organisationId,
    (tx) => insertService(tx, organisationId, input, ctx.actor.userId),
    {
      confirms: true,
    },
  );
}
