// Referral writes under load, through /api/v1/referrals as two organisations' integrations would:
// creating referrals (A sends to B; B's two referrers each get an e-mail queued), then accepting
// and completing them (B). Each status change locks its referral, writes an event, the audit log
// and the sender's e-mails in one transaction.
import autocannon from 'autocannon';
import { connectDatabase } from '../src/db/client.ts';
import { hashToken, newToken } from '../src/shared/tokens.ts';
import { latencySummary, type Measured } from './measure.ts';

export type WriteResult = Measured;

interface Request {
  path: string;
  body?: string;
}

/** Sends the requests, each once (or for `seconds` when given, cycling), and measures them. */
export async function write(
  name: string,
  base: string,
  token: string,
  requests: Request[],
  { connections, seconds }: { connections: number; seconds?: number },
): Promise<WriteResult> {
  const latencies: number[] = [];
  let i = 0;
  const started = performance.now();
  // Nothing to send (a short run on a busy machine created nothing to accept): nothing measured.
  if (!seconds && !requests.length)
    return {
      name,
      example: '',
      requestsPerSecond: 0,
      latencyMs: latencySummary([]),
      requests: 0,
      errors: 0,
      non2xx: 0,
    };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        // autocannon refuses more connections than requests.
        connections: seconds ? connections : Math.min(connections, requests.length),
        ...(seconds ? { duration: seconds } : { amount: requests.length }),
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (req) => {
              const r = requests[i++ % requests.length]!;
              return { ...req, path: r.path, body: r.body ?? '{}' };
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const elapsed = (performance.now() - started) / 1000;
  return {
    name,
    example: requests[0]!.path,
    requestsPerSecond: Math.round(result.requests.total / elapsed),
    latencyMs: latencySummary(latencies),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function benchReferrals(
  base: string,
  databaseUrl: string,
  { connections, seconds }: { connections: number; seconds: number },
): Promise<WriteResult[]> {
  const db = connectDatabase(databaseUrl, { max: 2 });
  const tokens = { a: newToken(), b: newToken() };
  let serviceId: string;
  let orgB: string;
  let theme: string;
  try {
    const [pick] = (
      await db.pool.query<{ service: string; org: string; other: string; theme: string }>(
        `select s.id as service, s.organisation_id as org,
           (select id from organisations where id <> s.organisation_id limit 1) as other,
           (select code from taxonomy_terms where parent_code is null limit 1) as theme
         from services s limit 1`,
      )
    ).rows;
    serviceId = pick!.service;
    orgB = pick!.org;
    theme = pick!.theme;
    for (const [org, token] of [
      [pick!.other, tokens.a],
      [orgB, tokens.b],
    ] as const)
      await db.pool.query(
        `insert into api_tokens (organisation_id, name, token_hash, prefix, created_at) values ($1, 'bench', $2, 'psl_bench', now())`,
        [org, hashToken(`psl_${token.token}`)],
      );
    // Two referrers at B, so every referral queues two e-mails as it would in use.
    for (const n of [1, 2]) {
      const { rows } = await db.pool.query<{ id: string }>(
        `insert into users (email, name, password_hash, email_verified_at, locale)
         values ($1, 'Bench', 'x', now(), 'nl') returning id`,
        [`bench-referrer-${n}-${Date.now()}@example.org`],
      );
      await db.pool.query(
        `insert into memberships (user_id, organisation_id, roles) values ($1, $2, '{referrer}')`,
        [rows[0]!.id, orgB],
      );
    }
  } finally {
    await db.close();
  }

  const until = new Date(Date.now() + 60 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const body = JSON.stringify({
    service_id: serviceId,
    person: {
      name: 'B.M.',
      languages: ['fr', 'ar'],
      contact_channel: 'phone',
      contact_detail: '0470 00 00 00',
    },
    theme,
    need: 'Cherche une aide alimentaire pour une famille de quatre personnes, de préférence cette semaine.',
    urgency: 'this_week',
    consent: {
      method: 'spoken',
      purpose: 'Transmettre ces données au service pour qu’il me contacte.',
      until,
    },
  });
  const results: WriteResult[] = [];
  results.push(
    await write(
      'POST /api/v1/referrals (create and send)',
      base,
      `psl_${tokens.a.token}`,
      [{ path: '/api/v1/referrals', body }],
      {
        connections,
        seconds,
      },
    ),
  );

  const check = connectDatabase(databaseUrl, { max: 2 });
  const ids = (
    await check.pool.query<{ id: string }>(
      `select id from referrals where to_organisation_id = $1 and status = 'sent'`,
      [orgB],
    )
  ).rows.map((r) => r.id);
  await check.close();
  results.push(
    await write(
      'POST …/actions/accept (status change)',
      base,
      `psl_${tokens.b.token}`,
      ids.map((id) => ({ path: `/api/v1/referrals/${id}/actions/accept` })),
      { connections },
    ),
  );
  results.push(
    await write(
      'POST …/actions/complete with outcome (status change)',
      base,
      `psl_${tokens.b.token}`,
      ids.map((id) => ({ path: `/api/v1/referrals/${id}/actions/complete`, body: '{"outcome":"helped"}' })),
      { connections },
    ),
  );
  return results;
}
