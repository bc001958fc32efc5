// Every change to a listing passes here, so the rules hold in one place: only the organisation's
// admins and editors, and moderators, may edit it (access policy; anyone else gets "not found", so
// ids reveal nothing); the change and its versions are one transaction; and saving a form, changed
// or not, says the listing was looked at and is right today (its confirmation date).
import type { Executor } from '../../../db/client.ts';
import { AppError } from '../../../shared/errors.ts';
import type { UseCaseContext } from '../../../shared/use-case.ts';
import { canEditListing, findMembership } from '../../access/index.ts';
import { markConfirmed } from '../freshness/freshness.repo.ts';
import { organisationOfService } from './services/services.repo.ts';

/** Throws "not found" unless the actor may edit this organisation's listing. */
export async function requireListingEditor(ctx: UseCaseContext, organisationId: string): Promise<void> {
  const membership = await findMembership(ctx.db, ctx.actor.userId, organisationId);
  if (!canEditListing(ctx.actor, membership)) throw new AppError('NOT_FOUND');
}

/**
 * Runs a change of the listing in one transaction, after the permission check. `confirms`: whether
 * saving it confirms the listing (forms of the listing's content do; removing a contact, a place or
 * a logo does not).
 */
export async function changeListing<T>(
  ctx: UseCaseContext,
  organisationId: string,
  change: (tx: Executor) => Promise<T>,
  { confirms }: { confirms: boolean },
): Promise<T> {
  await requireListingEditor(ctx, organisationId);
  return ctx.db.transaction(async (tx) => {
    const result = await change(tx);
    if (confirms) await markConfirmed(tx, organisationId, ctx.now);
    return result;
  });
}

/** A repository write of the listing: `(tx, the organisation's or service's id, ...input, the actor's user id)`. */
type ListingWrite<Input extends unknown[], T> = (
  tx: Executor,
  id: string,
  ...rest: [...Input, actorId: string]
) => Promise<T>;

/**
 * The use case of one repository write of an organisation's listing: `(ctx, organisationId, ...input)`
 * runs `write(tx, organisationId, ...input, actorId)` through `changeListing`.
 */
export function organisationUseCase<Input extends unknown[], T>(
  write: ListingWrite<Input, T>,
  options: { confirms: boolean },
): (ctx: UseCaseContext, organisationId: string, ...input: Input) => Promise<T> {
  return (ctx, organisationId, ...input) =>
    changeListing(
      ctx,
      organisationId,
      (tx) => write(tx, organisationId, ...input, ctx.actor.userId),
      options,
    );
}

/** The same for a write of one of its services, `(ctx, serviceId, ...input)`: the listing is the service's organisation's. */
export function serviceUseCase<Input extends unknown[], T>(
  write: ListingWrite<Input, T>,
  options: { confirms: boolean },
): (ctx: UseCaseContext, serviceId: string, ...input: Input) => Promise<T> {
  return async (ctx, serviceId, ...input) => {
    const organisationId = await organisationOfService(ctx.db, serviceId);
    return changeListing(
      ctx,
      organisationId,
      (tx) => write(tx, serviceId, ...input, ctx.actor.userId),
      options,
    );
  };
}
