// A cookie jar around app.inject for form flows: it keeps cookies like a browser, reads the
// anti-forgery token from the last page and posts forms as a browser without JavaScript would.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

const rnd = () => Math.floor(Math.random() * 254) + 1;

export class FormClient {
  private readonly cookies = new Map<string, string>();
  private lastHtml = '';
  /** Each client comes from its own address, as different people do (limits count per IP). */
  readonly ip = `10.${rnd()}.${rnd()}.${rnd()}`;

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'GET',
      url,
      headers: this.requestHeaders(),
      remoteAddress: this.ip,
    });
    this.remember(res);
    return res;
  }

  /** Posts fields with the token of the last page fetched (or none, with `csrf: false`). */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    { csrf = true }: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    // A list is a field sent several times, as checkboxes of one name are.
    const body = new URLSearchParams(
      Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
    );
    if (csrf && !body.has('_csrf')) body.set('_csrf', this.csrfToken());
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      remoteAddress: this.ip,
      headers: { ...this.requestHeaders(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.remember(res);
    return res;
  }

  /** Posts a multipart form with one file, as a browser sends an upload. */
  async upload(
    url: string,
    fields: Record<string, string>,
    file: { field: string; name: string; type: string; data: Buffer },
  ): Promise<LightMyRequestResponse> {
    const boundary = `----passerelle${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries({ _csrf: this.csrfToken(), ...fields }))
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat(parts),
      headers: { ...this.requestHeaders(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      remoteAddress: this.ip,
    });
    this.remember(res);
    return res;
  }

  /** Opens a page, then posts its form. */
  async submit(pageUrl: string, actionUrl: string, fields: Record<string, string | string[]>) {
    await this.get(pageUrl);
    return this.post(actionUrl, fields);
  }

  csrfToken(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!match) throw new Error('no anti-forgery token on the last page');
    return match[1]!;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private requestHeaders(): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...this.headers, ...(cookie ? { cookie } : {}) };
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0 || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (String(res.headers['content-type'] ?? '').startsWith('text/html')) this.lastHtml = res.body;
  }
}

/** The newest e-mail to an address in the outbox, and the first link in it. */
export async function lastMailTo(
  db: { pool: { query: (sql: string, values: unknown[]) => Promise<{ rows: unknown[] }> } },
  to: string,
): Promise<{ subject: string; text: string; locale: string; link: string | undefined } | undefined> {
  const { rows } = await db.pool.query(
    'select subject, text, locale from outbox where "to" = $1 order by created_at desc, id limit 1',
    [to],
  );
  const row = rows[0] as { subject: string; text: string; locale: string } | undefined;
  if (!row) return undefined;
  const link = /https?:\/\/\S+/.exec(row.text)?.[0];
  return { ...row, link };
}

/** The path and query of an absolute link, for app.inject. */
export function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

export const testPassword = 'groene fiets onder de brug';
let people = 0;

/** A fresh address for a test person. */
export function newAddress(prefix = 'person'): string {
  return `${prefix}${++people}.${Date.now()}@example.org`;
}

/** Signs up through the pages and follows the confirmation link: a signed-in, confirmed person. */
export async function confirmedPerson(
  app: FastifyInstance,
  db: Parameters<typeof lastMailTo>[0],
  {
    email = newAddress(),
    name = 'Amina',
    locale = 'en',
  }: { email?: string; name?: string; locale?: string } = {},
): Promise<FormClient & { email: string }> {
  const client = new FormClient(app);
  await client.submit(`/${locale}/signup`, `/${locale}/signup`, {
    name,
    email,
    password: testPassword,
    locale,
  });
  const mail = await lastMailTo(db, email);
  if (!mail?.link) throw new Error(`no confirmation e-mail for ${email}`);
  const res = await client.get(pathOf(mail.link));
  if (res.statusCode !== 303) throw new Error(`confirmation failed: ${res.statusCode}`);
  // Confirming does not sign in: the person logs in with their password.
  await client.get(`/${locale}/login`);
  const login = await client.post(`/${locale}/login`, { email, password: testPassword });
  if (login.statusCode !== 303) throw new Error(`log-in failed: ${login.statusCode}`);
  // Where the log-in leads, as a browser would: its forms carry a token of the new session.
  await client.get(String(login.headers.location));
  return Object.assign(client, { email });
}
