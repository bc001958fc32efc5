// Two app processes on one PostgreSQL: how long after a change to a service is committed the other
// process's search finds it. The change is made in SQL, not through a form: the path it measures is
// the same for any writer (the directory's triggers log and NOTIFY; every process's index follows).
import pg from 'pg';

export interface Freshness {
  changes: number;
  medianMs: number;
  maxMs: number;
}

export async function measureFreshness(
  searchUrls: string[],
  databaseUrl: string,
  changes = 5,
): Promise<Freshness> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const times: number[] = [];
  try {
    const { rows } = await client.query<{ id: string }>(
      `select id from services where status = 'active' order by random() limit $1`,
      [changes],
    );
    for (const [i, { id }] of rows.entries()) {
      const word = `benchfresh${Date.now().toString(36)}${i}`;
      await client.query(
        `update services set name = jsonb_set(name, '{fr}', to_jsonb($2::text)) where id = $1`,
        [id, `Atelier ${word}`],
      );
      const committed = performance.now();
      // The slowest of the processes counts: each must find it.
      let slowest = 0;
      for (const base of searchUrls) {
        const deadline = committed + 30_000;
        for (;;) {
          const res = await fetch(`${base}/api/v1/search?q=${word}&per_page=1`);
          const body = (await res.json()) as { meta?: { total: number } };
          if (body.meta && body.meta.total > 0) break;
          if (performance.now() > deadline) throw new Error(`${base} did not find ${word} within 30 s`);
          await new Promise((r) => setTimeout(r, 20));
        }
        slowest = Math.max(slowest, performance.now() - committed);
      }
      times.push(slowest);
    }
  } finally {
    await client.end();
  }
  times.sort((a, b) => a - b);
  return {
    changes: times.length,
    medianMs: Math.round(times[Math.floor(times.length / 2)]!),
    maxMs: Math.round(times[times.length - 1]!),
  };
}
