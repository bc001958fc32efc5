// The targets of the search-at-scale issue (issue 19), each next to its figure in the report, and
// the server's longest event-loop delay during a phase, read from its /metrics (prom-client's
// monitorEventLoopDelay histogram, reset at every scrape).

/** Resets the server's event-loop histogram: the next read covers what ran after this call. */
export async function resetEventLoop(base: string): Promise<void> {
  await longestEventLoopDelayMs(base);
}

/** The longest event-loop delay since the previous scrape, in ms. */
export async function longestEventLoopDelayMs(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const match = /^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text);
  if (!match) throw new Error('the server reports no event-loop delay at /metrics');
  return Math.round(Number(match[1]) * 10_000) / 10;
}

/** The documents in the server's search index, as its /metrics reports them. */
export async function indexedDocuments(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const match = /^passerelle_search_index_documents (\d+)$/m.exec(text);
  if (!match) throw new Error('the server reports no index size at /metrics');
  return Number(match[1]);
}

export interface Target {
  what: string;
  figure: number | null;
  /** At least (≥) or at most (≤) this. */
  bound: '≥' | '≤';
  target: number;
  unit: string;
}

export function targetsMarkdown(targets: Target[]): string[] {
  const met = (t: Target) =>
    t.figure === null
      ? 'not measured'
      : (t.bound === '≥' ? t.figure >= t.target : t.figure <= t.target)
        ? 'met'
        : 'not met';
  return [
    '',
    '## Targets of the search at scale (issue 19)',
    '',
    '| what | figure | target | |',
    '|---|---:|---:|---|',
    ...targets.map(
      (t) => `| ${t.what} | ${t.figure ?? '–'} ${t.unit} | ${t.bound} ${t.target} ${t.unit} | ${met(t)} |`,
    ),
    '',
  ];
}
