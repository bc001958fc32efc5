// A service's usual weekly hours, from the hours form: up to two periods a day (a morning and an
// afternoon, say). A period may run past midnight (a night shelter, 20:00-08:00), but only when the
// form says so ("until the next day"): 10:00-09:00 is far more often a slip than a 23-hour day, so
// a closing time before the opening time is otherwise refused. Hours set per location or per
// season are left as they are.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { countRows } from '../../../../db/rows.ts';
import { AppError, type FieldProblem } from '../../../../shared/errors.ts';
import { schedules, services } from '../../directory.schema.ts';
import { recordVersion } from '../listing-versions.ts';

export interface Period {
  opensAt: string;
  closesAt: string;
}

/**
 * Periods by ISO weekday (1 = Monday), as typed: "" for an empty field; `nextDay` when the person
 * said the period closes the next day.
 */
export type WeekInput = Record<number, { opensAt: string; closesAt: string; nextDay?: boolean }[]>;

const timeShape = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export function checkWeek(input: WeekInput): { problems: FieldProblem[]; week: Record<number, Period[]> } {
  const problems: FieldProblem[] = [];
  const week: Record<number, Period[]> = {};
  for (let day = 1; day <= 7; day++) {
    const periods: Period[] = [];
    (input[day] ?? []).forEach((p, i) => {
      const field = `d${day}p${i + 1}`;
      const opens = p.opensAt.trim();
      const closes = p.closesAt.trim();
      if (!opens && !closes) return;
      if (!opens || !closes) problems.push({ field, message: 'needs both times', code: 'hours_both' });
      else if (!timeShape.test(opens) || !timeShape.test(closes))
        problems.push({ field, message: 'is not a time', code: 'hours_time' });
      else if (opens === closes)
        problems.push({ field, message: 'opens and closes at once', code: 'hours_same' });
      // Closing at 00:00 is the end of the day, not a period past midnight to confirm.
      else if (minutes(closes) < minutes(opens) && minutes(closes) !== 0 && !p.nextDay)
        problems.push({ field, message: 'closes before it opens', code: 'hours_past_midnight' });
      else periods.push({ opensAt: opens, closesAt: closes });
    });
    // Two periods of one day must not overlap (past-midnight periods end the next day).
    const [a, b] = periods;
    if (a && b) {
      const end = (p: Period) =>
        minutes(p.closesAt) <= minutes(p.opensAt) ? minutes(p.closesAt) + 1440 : minutes(p.closesAt);
      const [first, second] = minutes(a.opensAt) <= minutes(b.opensAt) ? [a, b] : [b, a];
      if (end(first) > minutes(second.opensAt))
        problems.push({ field: `d${day}p2`, message: 'overlaps the first period', code: 'hours_overlap' });
    }
    week[day] = periods.sort((x, y) => minutes(x.opensAt) - minutes(y.opensAt));
  }
  return { problems, week };
}

const describe = (rows: { weekday: number; opensAt: string; closesAt: string }[]) =>
  rows.map((r) => `${r.weekday} ${r.opensAt.slice(0, 5)}-${r.closesAt.slice(0, 5)}`).join(', ') || null;

/** The rows of a service's usual weekly hours: not per location or season. */
const weeklyOf = (serviceId: string) =>
  and(
    eq(schedules.serviceId, serviceId),
    isNull(schedules.locationId),
    isNull(schedules.validFrom),
    isNull(schedules.validTo),
  );

/** The usual weekly hours of a service (not per location or season). */
export async function findWeeklyHours(db: Executor, serviceId: string) {
  return db
    .select({ weekday: schedules.weekday, opensAt: schedules.opensAt, closesAt: schedules.closesAt })
    .from(schedules)
    .where(weeklyOf(serviceId))
    .orderBy(asc(schedules.weekday), asc(schedules.opensAt));
}

/** Whether some hours are set per location or season, which this form leaves alone. */
export async function hasSpecialHours(db: Executor, serviceId: string): Promise<boolean> {
  const special = and(
    eq(schedules.serviceId, serviceId),
    sql`(${schedules.locationId} is not null or ${schedules.validFrom} is not null or ${schedules.validTo} is not null)`,
  );
  return (await countRows(db, schedules, special)) > 0;
}

export async function writeWeeklyHours(
  tx: Executor,
  serviceId: string,
  input: WeekInput,
  closedOnPublicHolidays: boolean,
  actorId: string,
): Promise<void> {
  const { problems, week } = checkWeek(input);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const [service] = await tx.select().from(services).where(eq(services.id, serviceId)).for('update');
  if (!service) throw new AppError('SERVICE_NOT_FOUND');
  const before = await findWeeklyHours(tx, serviceId);
  const rows = Object.entries(week).flatMap(([day, periods]) =>
    periods.map((p) => ({ serviceId, weekday: Number(day), opensAt: p.opensAt, closesAt: p.closesAt })),
  );
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const beforeText = describe(before);
  const afterText = describe(
    rows.map((r) => ({ ...r, opensAt: `${r.opensAt}:00`, closesAt: `${r.closesAt}:00` })),
  );
  if (beforeText !== afterText) changes.hours = { before: beforeText, after: afterText };
  if (service.closedOnPublicHolidays !== closedOnPublicHolidays)
    changes.closedOnPublicHolidays = {
      before: service.closedOnPublicHolidays,
      after: closedOnPublicHolidays,
    };
  if (!Object.keys(changes).length) return;
  await tx.delete(schedules).where(weeklyOf(serviceId));
  if (rows.length) await tx.insert(schedules).values(rows);
  await tx
    .update(services)
    .set({ closedOnPublicHolidays, updatedAt: sql`now()` })
    .where(eq(services.id, serviceId));
  await recordVersion(tx, {
    recordType: 'service',
    recordId: serviceId,
    organisationId: service.organisationId,
    actorId,
    action: 'hours',
    changes,
  });
}
