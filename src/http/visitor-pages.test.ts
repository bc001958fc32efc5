import { describe, expect, it } from 'vitest';
import type { PageContext } from './request-context.ts';
import { VisitorPages, visitorPagesOf } from './visitor-pages.ts';

const visitor = {
  user: null,
  showDemoBanner: false,
  origin: 'http://x',
  csrfToken: () => 'token',
} as unknown as PageContext;
const person = { ...visitor, user: { id: 'u' } } as unknown as PageContext;

describe('VisitorPages', () => {
  it('keeps a visitor’s page per address and versions, never a person’s or one with a token', async () => {
    const pages = new VisitorPages(2 ** 20);
    let made = 0;
    const make = () => `<p>page ${++made}</p>`;
    expect(await pages.page(visitor, '/en/a', [1], make)).toBe('<p>page 1</p>');
    expect(await pages.page(visitor, '/en/a', [1], make)).toBe('<p>page 1</p>');
    expect(await pages.page(visitor, '/en/b', [1], make)).toBe('<p>page 2</p>');
    expect(await pages.page(visitor, '/en/a', [2], make)).toBe('<p>page 3</p>');
    expect(await pages.page(person, '/en/a', [2], make)).toBe('<p>page 4</p>');
    expect(await pages.page(person, '/en/a', [2], make)).toBe('<p>page 5</p>');
    const form = (ctx: PageContext) => `<input value="${ctx.csrfToken()}">${++made}`;
    expect(await pages.page(visitor, '/en/form', [1], form)).toBe('<input value="token">6');
    expect(await pages.page(visitor, '/en/form', [1], form)).toBe('<input value="token">7');
  });

  it('are one cache per app and kind, however many language prefixes register the pages', () => {
    const app = {};
    const pages = visitorPagesOf(app, 'directory');
    expect(visitorPagesOf(app, 'directory')).toBe(pages);
    expect(visitorPagesOf(app, 'agenda')).not.toBe(pages);
    expect(visitorPagesOf({}, 'directory')).not.toBe(pages);
  });
});
