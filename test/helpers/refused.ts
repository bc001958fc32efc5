// A refused request (a form post, a link) comes back with status 400 and a page saying in words
// what is wrong: a refused form is the same form again, with what was typed.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** Checks that a request was refused (400) and that the page shown contains each of these. */
export function expectRefused(res: LightMyRequestResponse, ...texts: string[]): void {
  expect(res.statusCode).toBe(400);
  for (const text of texts) expect(res.body).toContain(text);
}
