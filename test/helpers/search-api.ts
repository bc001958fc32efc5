// The one search's API as the search tests of each module read it: an answer, and an answer waited
// for until the live index has followed a change (its refresh runs on a notification or a poll).
import type { LightMyRequestResponse } from 'fastify';

export interface SearchItem {
  type: string;
  id: string;
  name: Record<string, string>;
  date: string | null;
  description: Record<string, string>;
  owner_name: Record<string, string> | null;
  organisation: unknown;
  links: { self: string | null; html: Record<string, string> };
}

export interface SearchAnswer {
  data: SearchItem[];
  facets: { type: { value: string; count: number }[] };
  meta: { total: number };
}

type Get = (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;

export function searchApi(get: Get, language: 'nl' | 'fr' | 'en') {
  const api = async (query: string) =>
    (await get(`/api/v1/search?${query}`, { 'accept-language': language })).json() as SearchAnswer;

  /** Waits (10 s at most) until a search gives what is expected, and returns its items. */
  async function eventually(query: string, check: (items: SearchItem[]) => boolean): Promise<SearchItem[]> {
    const deadline = Date.now() + 10_000;
    let items = (await api(query)).data;
    while (!check(items) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      items = (await api(query)).data;
    }
    return items;
  }

  return { api, eventually };
}
