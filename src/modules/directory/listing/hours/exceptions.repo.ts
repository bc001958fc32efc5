// Dated exceptions to a service's weekly hours: closed for the holidays, open late one evening.
// They show on the service page and count in "open now".
import { and, asc, eq, gte } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Executor } from '../../../../db/client.ts';
import { AppError, type FieldProblem } from '../../../../shared/errors.ts';
import { cleanText, type I18nText } from '../../../../shared/i18n-text.ts';
import { scheduleExceptions, services } from '../../directory.schema.ts';
import { recordVersion } from '../listing-versions.ts';

export interface ExceptionInput {
  startsOn: string;
  /** Empty for one day. */
  endsOn: string;
  closed: boolean;
  opensAt: string;
  closesAt: string;
  /** Said to close the next day: only then may the closing time come before the opening time. */
  nextDay?: boolean;
  note: I18nText;
}

const timeShape = /^([01]\d|2[0-3]):[0-5]\d$/;
const dayOf = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) ? DateTime.fromISO(text, { zone: 'Europe/Brussels' }) : null;

export function checkException(input: ExceptionInput) {
  const problems: FieldProblem[] = [];
  const start = dayOf(input.startsOn.trim());
  const end = input.endsOn.trim() ? dayOf(input.endsOn.trim()) : start;
  if (!start?.isValid) problems.push({ field: 'starts_on', message: 'is not a date', code: 'date_invalid' });
  if (!end?.isValid) problems.push({ field: 'ends_on', message: 'is not a date', code: 'date_invalid' });
  else if (start?.isValid && end < start)
    problems.push({ field: 'ends_on', message: 'is before the start', code: 'date_order' });
  else if (start?.isValid && end.diff(start, 'days').days > 366)
    problems.push({ field: 'ends_on', message: 'is more than a year after the start', code: 'date_span' });
  const opensAt = input.opensAt.trim();
  const closesAt = input.closesAt.trim();
  if (!input.closed && (!timeShape.test(opensAt) || !timeShape.test(closesAt)))
    problems.push({ field: 'opens_at', message: 'needs both times', code: 'hours_both' });
  else if (!input.closed && closesAt < opensAt && !/^00:00/.test(closesAt) && !input.nextDay)
    problems.push({ field: 'closes_at', message: 'closes before it opens', code: 'hours_past_midnight' });
  const note = cleanText(input.note);
  for (const [lang, text] of Object.entries(note))
    if (text.length > 200)
      problems.push({ field: `note.${lang}`, message: 'is too long', code: 'too_long_200' });
  return {
    problems,
    values: {
      startsOn: start?.toISODate() ?? '',
      endsOn: end?.toISODate() ?? '',
      closed: input.closed,
      opensAt: input.closed ? null : opensAt,
      closesAt: input.closed ? null : closesAt,
      note: Object.keys(note).length ? note : null,
    },
  };
}

export async function findUpcomingExceptions(db: Executor, serviceId: string, today: string) {
  return db
    .select()
    .from(scheduleExceptions)
    .where(and(eq(scheduleExceptions.serviceId, serviceId), gte(scheduleExceptions.endsOn, today)))
    .orderBy(asc(scheduleExceptions.startsOn));
}

async function organisationOf(tx: Executor, serviceId: string): Promise<string> {
  const [service] = await tx
    .select({ organisationId: services.organisationId })
    .from(services)
    .where(eq(services.id, serviceId));
  if (!service) throw new AppError('SERVICE_NOT_FOUND');
  return service.organisationId;
}

export async function insertException(
  tx: Executor,
  serviceId: string,
  input: ExceptionInput,
  actorId: string,
): Promise<void> {
  const { problems, values } = checkException(input);
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const organisationId = await organisationOf(tx, serviceId);
  await tx.insert(scheduleExceptions).values({ ...values, serviceId });
  await recordVersion(tx, {
    recordType: 'service',
    recordId: serviceId,
    organisationId,
    actorId,
    action: 'hours',
    changes: { exception: { before: null, after: values } },
  });
}

export async function removeException(
  tx: Executor,
  serviceId: string,
  exceptionId: string,
  actorId: string,
): Promise<void> {
  const [removed] = await tx
    .delete(scheduleExceptions)
    .where(and(eq(scheduleExceptions.id, exceptionId), eq(scheduleExceptions.serviceId, serviceId)))
    .returning();
  if (!removed) throw new AppError('NOT_FOUND');
  const { id: _id, serviceId: _service, ...before } = removed;
  await recordVersion(tx, {
    recordType: 'service',
    recordId: serviceId,
    organisationId: await organisationOf(tx, serviceId),
    actorId,
    action: 'hours',
    changes: { exception: { before, after: null } },
  });
}
