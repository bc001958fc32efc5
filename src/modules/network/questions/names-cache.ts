// People's and organisations' names under posts, kept a minute by each process: a question's page
// shows the same few authors again and again, and two of its four queries were for their names. A
// renamed person or organisation shows under its posts within the minute (and one gone, as gone).
import { LRUCache } from 'lru-cache';

type Found<T> = { value: T | null };
const caches = new WeakMap<object, LRUCache<string, Found<unknown>>>();

/** The values of `ids` (those not found are left out): from the cache, the others by `load`. */
export async function cachedByIds<T>(
  db: object,
  kind: string,
  ids: readonly string[],
  load: (missing: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new LRUCache({ max: 20_000, ttl: 60_000 })));
  const found = new Map<string, T>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = cache.get(`${kind}:${id}`) as Found<T> | undefined;
    if (!hit) missing.push(id);
    else if (hit.value !== null) found.set(id, hit.value);
  }
  if (missing.length) {
    const loaded = await load(missing);
    for (const id of missing) {
      const value = loaded.get(id) ?? null;
      cache.set(`${kind}:${id}`, { value });
      if (value !== null) found.set(id, value);
    }
  }
  return found;
}
