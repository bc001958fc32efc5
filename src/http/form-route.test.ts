import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import { AppError } from '../shared/errors.ts';
import { submitForm } from './form-route.ts';
import { doneNotice } from './request-context.ts';

/** One form route whose use case does what `run` says. */
async function formApp(run: () => Promise<string>, after: 'redirect' | 'done') {
  const app = Fastify();
  app.post('/form', async (_request, reply) =>
    submitForm(reply, run, {
      ...(after === 'redirect'
        ? { redirect: (id: string) => `/items/${id}` }
        : { done: (id: string) => reply.send(`saved ${id}`) }),
      refused: (problems, error) => `<p>${error.code} ${problems.map((p) => p.field).join(',')}</p>`,
      alsoShown: ['RATE_LIMITED'],
    }),
  );
  await app.ready();
  return app;
}

describe('submitForm', () => {
  it('goes where the form says after success, so a reload does not post again', async () => {
    const app = await formApp(async () => '7', 'redirect');
    const res = await app.inject({ method: 'POST', url: '/form' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/items/7');
  });

  it('answers as the form says after success when it stays on its page', async () => {
    const app = await formApp(async () => '7', 'done');
    const res = await app.inject({ method: 'POST', url: '/form' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('saved 7');
  });

  it('shows the form again with the reasons, with the refusal’s status', async () => {
    const fields = [{ field: 'name', message: 'required', code: 'required' }];
    const app = await formApp(async () => {
      throw new AppError('VALIDATION_FAILED', { fields });
    }, 'redirect');
    const res = await app.inject({ method: 'POST', url: '/form' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toBe('<p>VALIDATION_FAILED name</p>');
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it('says when to try again after too many tries', async () => {
    const app = await formApp(async () => {
      throw new AppError('RATE_LIMITED', { retryAfterSeconds: 90 });
    }, 'done');
    const res = await app.inject({ method: 'POST', url: '/form' });
    expect(res.statusCode).toBe(429);
    expect(res.body).toBe('<p>RATE_LIMITED </p>');
    expect(res.headers['retry-after']).toBe('90');
  });

  it('leaves any other error to the error pages', async () => {
    const app = await formApp(async () => {
      throw new AppError('NOT_FOUND');
    }, 'redirect');
    const res = await app.inject({ method: 'POST', url: '/form' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<p>');
  });
});

describe('doneNotice', () => {
  const ctx = { t: translator('en') };

  it('is the message for what was done', () => {
    expect(doneNotice(ctx, 'errors', 'NOT_FOUND')).toEqual({ text: ctx.t.t('errors.NOT_FOUND') });
  });

  it('is nothing for nothing done, or for a value without a message', () => {
    expect(doneNotice(ctx, 'errors', undefined)).toBeUndefined();
    expect(doneNotice(ctx, 'errors', 'made-up')).toBeUndefined();
  });
});
