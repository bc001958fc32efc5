import { describe, expect, it } from 'vitest';
import { KeptLayouts } from './kept-layouts.ts';
import type { SearchOutcome } from './search.service.ts';

const outcome = () => ({ facets: {}, hits: [], nearest: [] }) as unknown as SearchOutcome;

/** A layout's renderer that counts its renders. */
function renderer(html = 'x'.repeat(1_000)) {
  const rendered = { count: 0 };
  return { rendered, render: async () => (rendered.count++, html) };
}

describe('KeptLayouts', () => {
  it('keeps a layout from its outcome second request on, until the themes change', async () => {
    const layouts = new KeptLayouts(2 ** 20);
    const { rendered, render } = renderer('<div>a</div>');
    const searched = outcome();
    const themes = {};
    expect(await layouts.layoutOf(searched, themes, render)).toBe('<div>a</div>');
    expect(layouts.size).toBe(0);
    expect(await layouts.layoutOf(searched, themes, render)).toBe('<div>a</div>');
    expect(layouts.size).toBe(1);
    expect(await layouts.layoutOf(searched, themes, render)).toBe('<div>a</div>');
    expect(rendered.count).toBe(2);
    // The taxonomy changed: rendered again, and kept at once as it was kept before.
    const changed = {};
    await layouts.layoutOf(searched, changed, render);
    expect(rendered.count).toBe(3);
    await layouts.layoutOf(searched, changed, render);
    expect(rendered.count).toBe(3);
  });

  it('keeps the popular searches through many searches asked once', async () => {
    // Room for about ten layouts of 1,000 characters.
    const layouts = new KeptLayouts(10 * (2_000 + 2_200));
    const popular = outcome();
    const { rendered, render } = renderer();
    await layouts.layoutOf(popular, undefined, render);
    await layouts.layoutOf(popular, undefined, render);
    for (let i = 0; i < 100; i++) {
      await layouts.layoutOf(outcome(), undefined, renderer().render);
      if (i % 10 === 0) await layouts.layoutOf(popular, undefined, render);
    }
    expect(rendered.count).toBe(2);
    expect(layouts.size).toBe(1);
  });
});
