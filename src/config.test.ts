import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { generateKey } from './shared/field-encryption.ts';

describe('loadConfig', () => {
  it('has working defaults for a newcomer', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      demoData: true,
      env: 'development',
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('reads the environment and the --no-demo flag', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DEMO_DATA: 'yes',
        DATABASE_URL: 'postgres://u:p@db:5432/x',
        TILE_URL: '',
        PUBLIC_URL: 'https://p.example.org/',
      },
      ['--no-demo'],
    );
    expect(config).toMatchObject({
      port: 8080,
      demoData: false,
      databaseUrl: 'postgres://u:p@db:5432/x',
      publicUrl: 'https://p.example.org',
    });
    expect(config.tiles.url).toBe('');
  });

  it('requires PUBLIC_URL in production, so e-mail links never follow a Host header', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, [])).toThrow(/PUBLIC_URL is required in production/);
    const key = generateKey('k1');
    expect(
      loadConfig(
        { NODE_ENV: 'production', PUBLIC_URL: 'https://passerelle.example', ENCRYPTION_KEYS: key },
        [],
      ).publicUrl,
    ).toBe('https://passerelle.example');
  });

  it('requires encryption keys in production and refuses a malformed key ring', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://p.example' }, [])).toThrow(
      /ENCRYPTION_KEYS is required in production/,
    );
    expect(() => loadConfig({ ENCRYPTION_KEYS: 'k1:c2hvcnQ=' }, [])).toThrow(
      /ENCRYPTION_KEYS: key k1 is 5 bytes/,
    );
    const config = loadConfig({ ENCRYPTION_KEYS: `${generateKey('new')},${generateKey('old')}` }, []);
    expect(config.encryptionKeys?.currentId).toBe('new');
    expect(config.referrals).toEqual({ reminderWorkingDays: 3, expiryDays: 14, retentionDays: 90 });
    expect(loadConfig({ REFERRAL_EXPIRY_DAYS: '21' }, []).referrals.expiryDays).toBe(21);
  });

  it('stops with one line naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO_DATA: 'perhaps' }, [])).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' }, [])).toThrow(
      /^Invalid configuration: [^\n]*PORT[^\n]*DATABASE_URL[^\n]*$/,
    );
  });
});
