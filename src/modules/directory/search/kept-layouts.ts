// The search page's filters and results as HTML, kept by outcome (search.web.ts). The search service
// hands out the same outcome object for the same search in the same language until the index or the
// minute changes it, and the layout is a function of that outcome (and the themes) alone, so a kept
// layout is rendered once per outcome.
//
// Kept from the second request on, not the first. Most searches are asked once (the bench's mix: in
// its first 2,500 pages, 1,043 distinct searches and languages), and the budget holds about 80
// layouts: keeping every first render pushed the popular ones out. Replayed over those pages, a
// layout is found kept on 39 % of them rather than 32 %, and 492 layouts are copied flat (a UTF-8
// round trip of some 50,000 characters) rather than 1,702 (session 31).
import { LRUCache } from 'lru-cache';
import { flatString } from '../../../shared/flat-string.ts';
import { outcomeBytes } from './outcome-bytes.ts';
import type { SearchOutcome } from './search.service.ts';

interface Layout {
  themes: unknown;
  html: string;
}

export class KeptLayouts {
  readonly #kept: LRUCache<SearchOutcome, Layout>;
  /** Outcomes rendered once and not kept; they go with their outcome. */
  readonly #renderedOnce = new WeakSet<SearchOutcome>();

  constructor(maxBytes: number) {
    this.#kept = new LRUCache({
      maxSize: maxBytes,
      // The outcome too: kept here as the key, it stays after the search service lets it go.
      sizeCalculation: (layout, outcome) => layout.html.length * 2 + outcomeBytes(outcome),
    });
  }

  /** The layout of `outcome` with `themes`: kept, or rendered (and kept if it was asked before). */
  async layoutOf(
    outcome: SearchOutcome,
    themes: unknown,
    render: () => string | Promise<string>,
  ): Promise<string> {
    const kept = this.#kept.get(outcome);
    if (kept && kept.themes === themes) return kept.html;
    const html = await render();
    if (!kept && !this.#renderedOnce.has(outcome)) {
      this.#renderedOnce.add(outcome);
      return html;
    }
    // Flat: kept as the renderer's pieces, the layouts held three times their budget (flat-string.ts).
    const layout = { themes, html: flatString(html) };
    this.#kept.set(outcome, layout);
    return layout.html;
  }

  /** How many layouts are kept (for tests). */
  get size(): number {
    return this.#kept.size;
  }
}
