// A service's weekly hours (two periods a day, a period may run past midnight) and whether it
// closes on public holidays.
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { organisationOfService } from '../services/services.repo.ts';
import { changeListing } from '../change-listing.ts';
import { type WeekInput, writeWeeklyHours } from './hours.repo.ts';

export async function setWeeklyHours(
  ctx: UseCaseContext,
  serviceId: string,
  week: WeekInput,
  closedOnPublicHolidays: boolean,
): Promise<void> {
  const organisationId = await organisationOfService(ctx.db, serviceId);
  await changeListing(
    ctx,
    organisationId,
    (tx) => writeWeeklyHours(tx, serviceId, week, closedOnPublicHolidays, ctx.actor.userId),
    { confirms: true },
  );
}
