// A service's opening hours: the week (two periods a day), public holidays, and dated exceptions.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../../http/deps.ts';
import { submitForm } from '../../../../http/form-route.ts';
import { localeOf, pageFor } from '../../../../http/request-context.ts';
import { sendHtml } from '../../../../http/send-html.ts';
import { signedInContext } from '../../../../http/use-case-context.ts';
import { AppError, type FieldProblem } from '../../../../shared/errors.ts';
import type { UseCaseContext } from '../../../../shared/use-case.ts';
import { locales } from '../../../../shared/i18n-text.ts';
import { isUuid } from '../../../../shared/shapes.ts';
import { IdParams } from '../../directory.schemas.ts';
import { getService } from '../../directory.service.ts';
import { serviceToEdit } from '../to-edit.web.ts';
import { ExceptionParams, SavedQuery } from '../listing-schemas.ts';
import { addException } from './add-exception.ts';
import { deleteException } from './delete-exception.ts';
import { findUpcomingExceptions } from './exceptions.repo.ts';
import { HoursPage } from './hours.page.tsx';
import { findWeeklyHours, hasSpecialHours, type WeekInput } from './hours.repo.ts';
import { setWeeklyHours } from './set-weekly-hours.ts';

const HoursBody = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 200 }), {
  maxProperties: 60,
});
const ExceptionBody = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 300 }), {
  maxProperties: 20,
});

/** The stored week as the form's fields: d<weekday>p<period>o|c, and n when it ends the next day. */
function hoursValues(rows: { weekday: number; opensAt: string; closesAt: string }[]) {
  const values: Record<string, string> = {};
  const seen: Record<number, number> = {};
  for (const r of rows) {
    const period = (seen[r.weekday] = (seen[r.weekday] ?? 0) + 1);
    if (period > 2) continue;
    values[`d${r.weekday}p${period}o`] = r.opensAt.slice(0, 5);
    values[`d${r.weekday}p${period}c`] = r.closesAt.slice(0, 5);
    if (r.closesAt < r.opensAt) values[`d${r.weekday}p${period}n`] = '1';
  }
  return values;
}

type Service = Awaited<ReturnType<typeof getService>>;

export const hoursWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  const { db } = deps;
  const hoursPath = (locale: string, id: string) => `/${locale}/manage/services/${id}/hours`;

  async function hoursPage(
    request: FastifyRequest,
    service: Service,
    extra: Partial<Parameters<typeof HoursPage>[0]> = {},
  ) {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    const [rows, special, exceptions] = await Promise.all([
      findWeeklyHours(db, service.id),
      hasSpecialHours(db, service.id),
      findUpcomingExceptions(db, service.id, today),
    ]);
    return HoursPage({
      ctx: await pageFor(request, deps),
      serviceId: service.id,
      organisationId: service.organisationId,
      name: service.name,
      values: hoursValues(rows),
      closedOnPublicHolidays: service.closedOnPublicHolidays,
      special,
      exceptions,
      ...extra,
    });
  }

  /** One of the page's forms: back to the page when saved, the page with the reasons when refused. */
  async function saveHours(
    request: FastifyRequest & { params: { id: string } },
    reply: FastifyReply,
    form: {
      save: (useCase: UseCaseContext, service: Service) => Promise<unknown>;
      refused: (problems: FieldProblem[]) => Partial<Parameters<typeof HoursPage>[0]>;
    },
  ) {
    const service = await getService(db, request.params.id);
    return submitForm(reply, () => form.save(signedInContext(request, deps), service), {
      redirect: () => `${hoursPath(localeOf(request), service.id)}?done=saved`,
      refused: (problems) => hoursPage(request, service, form.refused(problems)),
    });
  }

  app.get(
    '/manage/services/:id/hours',
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const service = await serviceToEdit(request, deps);
      return sendHtml(reply, await hoursPage(request, service, { saved: request.query.done === 'saved' }));
    },
  );

  app.post(
    '/manage/services/:id/hours',
    { schema: { hide: true, params: IdParams, body: HoursBody } },
    async (request, reply) => {
      const body = request.body;
      const week: WeekInput = {};
      for (let day = 1; day <= 7; day++)
        week[day] = [1, 2].map((p) => ({
          opensAt: body[`d${day}p${p}o`] ?? '',
          closesAt: body[`d${day}p${p}c`] ?? '',
          nextDay: body[`d${day}p${p}n`] === '1',
        }));
      const holidays = body.closed_on_public_holidays === '1';
      return saveHours(request, reply, {
        save: (useCase, service) => setWeeklyHours(useCase, service.id, week, holidays),
        refused: (problems) => ({ values: body, closedOnPublicHolidays: holidays, problems }),
      });
    },
  );

  app.post(
    '/manage/services/:id/exceptions',
    { schema: { hide: true, params: IdParams, body: ExceptionBody } },
    async (request, reply) => {
      const body = request.body;
      const input = {
        startsOn: body.starts_on ?? '',
        endsOn: body.ends_on ?? '',
        closed: body.closed !== '0',
        opensAt: body.opens_at ?? '',
        closesAt: body.closes_at ?? '',
        nextDay: body.next_day === '1',
        note: Object.fromEntries(locales.map((l) => [l, body[`note.${l}`] ?? ''])),
      };
      return saveHours(request, reply, {
        save: (useCase, service) => addException(useCase, service.id, input),
        refused: (problems) => ({ exceptionValues: body, exceptionProblems: problems }),
      });
    },
  );

  app.post(
    '/manage/services/:id/exceptions/:exceptionId/delete',
    { schema: { hide: true, params: ExceptionParams } },
    async (request, reply) => {
      const ctx = signedInContext(request, deps);
      const service = await getService(db, request.params.id);
      if (!isUuid(request.params.exceptionId)) throw new AppError('NOT_FOUND');
      await deleteException(ctx, service.id, request.params.exceptionId);
      return reply.redirect(`${hoursPath(localeOf(request), service.id)}?done=saved`, 303);
    },
  );
};
