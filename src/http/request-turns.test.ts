// Which routes wait for a turn of their own (request-turns.ts): pages and searches, not the API's
// lists and items, health or metrics, nor writes; and that a page waits behind the slices that
// asked before it, wherever its route is declared and however its path is written.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { nextTurn } from '../shared/turns.ts';
import { requestTurns, takesTurn } from './request-turns.ts';

describe('takesTurn', () => {
  it('gives a turn to pages in each language and to the API’s searches', () => {
    for (const url of [
      '/nl',
      '/fr/',
      '/en/search',
      '/fr/services/:id',
      '/api/v1/search',
      '/api/v1/search/suggest',
    ])
      expect(takesTurn('GET', url), url).toBe(true);
    expect(takesTurn(['GET', 'HEAD'], '/en/directory')).toBe(true);
    expect(takesTurn('HEAD', '/en/directory')).toBe(true);
  });

  it('gives none to the API’s lists and items, health, metrics, assets, other paths and writes', () => {
    for (const url of [
      '/api/v1/services',
      '/api/v1/services/:id',
      '/healthz',
      '/readyz',
      '/metrics',
      '/assets/*',
      '/nlx',
      '/',
    ])
      expect(takesTurn('GET', url), url).toBe(false);
    expect(takesTurn('POST', '/en/login')).toBe(false);
  });
});

describe('requestTurns', () => {
  async function appWithTurns(events: string[]) {
    const app = Fastify();
    requestTurns(app);
    await app.register(
      async (pages) => {
        pages.get('/page', { preHandler: async () => void events.push('own hook') }, async () => {
          events.push('page');
          return 'ok';
        });
      },
      { prefix: '/en' },
    );
    app.get('/api/v1/services', async () => {
      events.push('list');
      return 'ok';
    });
    await app.ready();
    return app;
  }

  it('runs a page, in a plugin and however its path is written, after the slices that asked before it', async () => {
    const events: string[] = [];
    const app = await appWithTurns(events);
    for (const url of ['/en/page', '/%65n/page']) {
      events.length = 0;
      const slices = [
        nextTurn().then(() => events.push('slice 1')),
        nextTurn().then(() => events.push('slice 2')),
      ];
      const [page] = await Promise.all([app.inject(url), ...slices]);
      expect(page.statusCode, url).toBe(200);
      expect(events, url).toEqual(['slice 1', 'slice 2', 'own hook', 'page']);
    }
    const head = await app.inject({ method: 'HEAD', url: '/en/page' });
    expect(head.statusCode).toBe(200);
    await app.close();
  });

  it('runs an API list at once', async () => {
    const events: string[] = [];
    const app = await appWithTurns(events);
    const slice = nextTurn().then(() => events.push('slice'));
    const [list] = await Promise.all([app.inject('/api/v1/services'), slice]);
    expect(list.statusCode).toBe(200);
    expect(events).toEqual(['list', 'slice']);
    await app.close();
  });
});
