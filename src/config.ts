// One schema over the environment, checked at start-up. Nothing else reads process.env.
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import Type, { type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import {
  FieldEncryptionError,
  type KeyRing,
  keyRingFromFile,
  parseKeyRing,
} from './shared/field-encryption.ts';

const Env = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ default: './data', minLength: 1 }),
  DEMO_DATA: Type.Boolean({ default: true }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  /** Map tiles; an empty value draws maps from the commune outlines alone (offline use). */
  TILE_URL: Type.String({ default: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' }),
  TILE_ATTRIBUTION: Type.String({ default: '© OpenStreetMap contributors' }),
  /** The public address of the site, for absolute links in JSON-LD and the API; derived from requests when unset. */
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /**
   * Which reverse proxies' X-Forwarded-For to believe: false, true (a proxy on this machine or the
   * private network), or their addresses ("10.0.0.1,10.1.0.0/16"). Never "every hop": a client could
   * then choose its own address and walk past every limit per address.
   */
  TRUST_PROXY: Type.String({ default: 'false', maxLength: 500 }),
  /** Where e-mail goes, e.g. smtp://user:pass@mail.example.org:587; unset keeps mail in the outbox. */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ default: 'Passerelle <no-reply@passerelle.invalid>', minLength: 3 }),
  /** Scheduled jobs (freshness reminders, clean-ups); off for processes that should only serve. */
  JOBS: Type.Boolean({ default: true }),
  /**
   * Keys for free text about people, "id:base64,id:base64" (first encrypts; see docs/operations.md).
   * Required in production; elsewhere a key is made once in DATA_DIR.
   */
  ENCRYPTION_KEYS: Type.Optional(Type.String({ minLength: 1 })),
  /** When set, /metrics answers only a scraper that sends "Authorization: Bearer <it>". */
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16, maxLength: 200 })),
  /** Connections this process keeps to PostgreSQL (see docs/operations.md for sizing). */
  DB_POOL_SIZE: Type.Integer({ default: 20, minimum: 2, maximum: 200 }),
  /** The longest any one query may run, in milliseconds, before it is stopped and the request fails. */
  DB_QUERY_TIMEOUT_MS: Type.Integer({ default: 15_000, minimum: 1_000, maximum: 600_000 }),
  /** A referral nobody answers expires after this many days. */
  REFERRAL_EXPIRY_DAYS: Type.Integer({ default: 14, minimum: 1, maximum: 365 }),
  /** Personal fields of a closed referral are purged after this many days. */
  REFERRAL_RETENTION_DAYS: Type.Integer({ default: 90, minimum: 1, maximum: 3650 }),
});
type Env = Static<typeof Env>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  /** An external PostgreSQL; when unset, an embedded one runs from dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  demoData: boolean;
  logLevel: Env['LOG_LEVEL'];
  tiles: { url: string; attribution: string };
  publicUrl: string | undefined;
  /** Fastify's trustProxy: the addresses of trusted proxies; false for none. */
  trustProxy: false | string[];
  mail: { smtpUrl: string | undefined; from: string };
  jobs: boolean;
  /** The token /metrics asks for, or undefined when it is open (behind a proxy that hides it). */
  metricsToken: string | undefined;
  database: { poolSize: number; queryTimeoutMs: number };
  /** Parsed ENCRYPTION_KEYS; unset outside production, where a key file in dataDir serves. */
  encryptionKeys: KeyRing | undefined;
  referrals: { reminderWorkingDays: number; expiryDays: number; retentionDays: number };
}

const checkEnv = Compile(Env);

/** Env values arrive as strings; booleans and numbers are converted before the schema check. */
function coerce(raw: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(Env.properties)) {
    const value = raw[key];
    if (value === undefined || (value === '' && key !== 'TILE_URL')) continue;
    const schema = Env.properties[key as keyof Env];
    if ('type' in schema && schema.type === 'boolean')
      out[key] = /^(1|true|yes|on)$/i.test(value) ? true : /^(0|false|no|off)$/i.test(value) ? false : value;
    else if ('type' in schema && schema.type === 'integer')
      out[key] = /^\d+$/.test(value) ? Number(value) : value;
    else out[key] = value;
  }
  return out;
}

export class ConfigError extends Error {}

export function loadConfig(
  raw: Record<string, string | undefined> = process.env,
  argv: readonly string[] = process.argv.slice(2),
): Config {
  const values = checkEnv.Default(coerce(raw)) as Record<string, unknown>;
  if (!checkEnv.Check(values)) {
    const problems = checkEnv
      .Errors(values)
      .map((e) => `${e.instancePath.slice(1) || 'environment'} ${e.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = values as Env;
  // Links in e-mails (password resets, invitations) must not follow the Host header a client sends.
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL)
    throw new ConfigError(
      'Invalid configuration: PUBLIC_URL is required in production (links in e-mails are built from it)',
    );
  if (env.NODE_ENV === 'production' && !env.ENCRYPTION_KEYS)
    throw new ConfigError(
      'Invalid configuration: ENCRYPTION_KEYS is required in production (see docs/operations.md)',
    );
  let encryptionKeys: KeyRing | undefined;
  try {
    encryptionKeys = env.ENCRYPTION_KEYS ? parseKeyRing(env.ENCRYPTION_KEYS) : undefined;
  } catch (error) {
    if (error instanceof FieldEncryptionError)
      throw new ConfigError(`Invalid configuration: ENCRYPTION_KEYS: ${error.message}`);
    throw error;
  }
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: resolve(env.DATA_DIR),
    demoData: env.DEMO_DATA && !argv.includes('--no-demo'),
    logLevel: env.LOG_LEVEL,
    tiles: { url: env.TILE_URL, attribution: env.TILE_ATTRIBUTION },
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
    trustProxy: trustedProxies(env.TRUST_PROXY),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    jobs: env.JOBS,
    metricsToken: env.METRICS_TOKEN,
    database: { poolSize: env.DB_POOL_SIZE, queryTimeoutMs: env.DB_QUERY_TIMEOUT_MS },
    encryptionKeys,
    referrals: {
      reminderWorkingDays: 3,
      expiryDays: env.REFERRAL_EXPIRY_DAYS,
      retentionDays: env.REFERRAL_RETENTION_DAYS,
    },
  };
}

/** The key ring for field encryption: ENCRYPTION_KEYS, or outside production a key file made once in DATA_DIR. */
export function encryptionKeysOf(config: Pick<Config, 'encryptionKeys' | 'dataDir'>): KeyRing {
  return config.encryptionKeys ?? keyRingFromFile(join(config.dataDir, 'field-encryption.keys'));
}

/**
 * TRUST_PROXY as Fastify takes it: the addresses of the proxies whose X-Forwarded-For is believed.
 * "true" is a proxy on this machine or the private network (proxy-addr's loopback, linklocal and
 * uniquelocal); a client's own address is then the last one a trusted proxy added, whatever the
 * client wrote before it. Fastify's `true` would believe the first address, which the client writes.
 */
function trustedProxies(value: string): false | string[] {
  const given = value.trim().toLowerCase();
  if (['', 'false', 'no', '0'].includes(given)) return false;
  if (['true', 'yes', '1'].includes(given)) return [...privateNetworks];
  const addresses = given.split(',').map((a) => a.trim());
  const known = (a: string) =>
    privateNetworks.includes(a) || (isIP(a.split('/')[0]!) !== 0 && /^[^/]+(\/\d{1,3})?$/.test(a));
  if (addresses.every(known)) return addresses;
  throw new ConfigError(
    `Invalid configuration: TRUST_PROXY must be false, true or the proxies' addresses, not "${value}"`,
  );
}

const privateNetworks = ['loopback', 'linklocal', 'uniquelocal'];
