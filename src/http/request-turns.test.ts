// Which requests wait for a turn of their own (request-turns.ts): pages and searches, not the
// API's lists and items, health or metrics, nor writes.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { nextTurn } from '../shared/turns.ts';
import { requestTurns, takesTurn } from './request-turns.ts';

describe('takesTurn', () => {
  it('gives a turn to pages in each language and to the API’s searches', () => {
    for (const url of [
      '/nl',
      '/fr/',
      '/en/search?q=logement',
      '/nl?x=1',
      '/fr/services/abc',
      '/api/v1/search?q=a',
      '/api/v1/search/suggest?q=lo',
    ])
      expect(takesTurn({ method: 'GET', url }), url).toBe(true);
    expect(takesTurn({ method: 'HEAD', url: '/en/directory' })).toBe(true);
  });

  it('gives none to the API’s lists and items, health, metrics, assets, other paths and writes', () => {
    for (const url of [
      '/api/v1/services?page=2',
      '/api/v1/services/abc',
      '/healthz',
      '/readyz',
      '/metrics',
      '/assets/app.css',
      '/nlx',
      '/',
      '/english',
    ])
      expect(takesTurn({ method: 'GET', url }), url).toBe(false);
    expect(takesTurn({ method: 'POST', url: '/en/login' })).toBe(false);
  });
});

describe('requestTurns', () => {
  it('runs a page after the slices that asked for a turn before it, and an API list at once', async () => {
    const app = Fastify();
    requestTurns(app);
    const events: string[] = [];
    app.get('/en/page', async () => {
      events.push('page');
      return 'ok';
    });
    app.get('/api/v1/services', async () => {
      events.push('list');
      return 'ok';
    });
    await app.ready();
    const slices = [
      nextTurn().then(() => events.push('slice 1')),
      nextTurn().then(() => events.push('slice 2')),
    ];
    const [page] = await Promise.all([app.inject('/en/page'), ...slices]);
    expect(page.statusCode).toBe(200);
    expect(events).toEqual(['slice 1', 'slice 2', 'page']);

    events.length = 0;
    const slice = nextTurn().then(() => events.push('slice'));
    const [list] = await Promise.all([app.inject('/api/v1/services'), slice]);
    expect(list.statusCode).toBe(200);
    expect(events).toEqual(['list', 'slice']);
    await app.close();
  });
});
