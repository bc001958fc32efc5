// Pages as sent to visitors, kept for the minute while what they show stays as it was: most readers
// of the busiest pages (the agenda, the exchange's board and calls) are not signed in, and making a
// page again costs far more than finding its rows. A signed-in reader's page carries their name and
// is made each time; so is any page that made an anti-forgery token (it belongs to one visitor).
import { LRUCache } from 'lru-cache';
import type { PageContext } from './request-context.ts';
import { cacheBudget } from '../shared/cache-budgets.ts';
import { flatString } from '../shared/flat-string.ts';

/** How long a kept page is served at most: a date that ends or a renamed organisation shows within it. */
const keptMs = 60_000;

export class VisitorPages {
  private readonly pages: LRUCache<string, string>;

  /** `bytes`: counted at two bytes a character, as V8 holds such text (budgets: cache-budgets.ts). */
  constructor(bytes = cacheBudget('networkPages')) {
    this.pages = new LRUCache<string, string>({
      maxSize: bytes,
      sizeCalculation: (html, key) => 2 * (html.length + key.length),
      ttl: keptMs,
    });
  }

  /**
   * The page at this address for a visitor, made by `make` unless one was kept under the same
   * `versions` (what moves when the page's rows change) within the minute.
   */
  async page(
    ctx: PageContext,
    url: string,
    versions: readonly unknown[],
    make: (ctx: PageContext) => JSX.Element,
  ): Promise<string> {
    if (ctx.user) return make(ctx);
    // The minute too: what passes with time alone (a deadline, a day) leaves the page within it.
    const key = JSON.stringify([
      Math.floor(Date.now() / keptMs),
      ...versions,
      ctx.showDemoBanner,
      ctx.origin,
      url,
    ]);
    const kept = this.pages.get(key);
    if (kept !== undefined) return kept;
    let personal = false;
    const html = await make({
      ...ctx,
      csrfToken: () => {
        personal = true;
        return ctx.csrfToken();
      },
    });
    if (personal) return html;
    // One flat copy, so the cache holds what it counts (flat-string.ts).
    const flat = flatString(html);
    this.pages.set(key, flat);
    return flat;
  }
}

const shared = new WeakMap<object, Map<string, VisitorPages>>();

/**
 * The kept pages of one kind (`kind`) for one app (`app`: an object each app has one of, its
 * database): page plugins are registered once per language prefix (app.ts), and kept pages made in
 * the plugin were made three times over, each with the whole budget.
 */
export function visitorPagesOf(app: object, kind: string, bytes?: number): VisitorPages {
  let kinds = shared.get(app);
  if (!kinds) shared.set(app, (kinds = new Map()));
  let pages = kinds.get(kind);
  if (!pages) kinds.set(kind, (pages = new VisitorPages(bytes)));
  return pages;
}
