// Behind a reverse proxy, a limit per address counts the address the proxy saw, not one the client
// wrote into X-Forwarded-For: otherwise a flood walks past every limit by naming a new address each time.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { FormClient } from './helpers/form-client.ts';
import { useTestApp } from './helpers/test-app.ts';

const app = useTestApp({ config: { trustProxy: loadConfig({ TRUST_PROXY: 'true' }, []).trustProxy } });
const signal = {
  themes: 'housing',
  commune: '21012',
  target_group: 'families',
  people: '2_5',
  seen_on: '2026-11-20',
};

describe('addresses behind a proxy', () => {
  it('count the address the proxy added, whatever the client wrote before it', async () => {
    const statuses: number[] = [];
    // Each request from the private network (the proxy) names another made-up address first; the
    // proxy appended the real one, 203.0.113.7. Ten signals an hour per address, then 429.
    for (let i = 0; i < 11; i++) {
      const visitor = new FormClient(app.t.app, { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` });
      await visitor.get('/en/signals/new');
      statuses.push((await visitor.post('/en/signals/new', signal)).statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(303), 429]);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default, "true" is a proxy on this machine or the private network, or a list of addresses', () => {
    expect(loadConfig({}, []).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }, []).trustProxy).toEqual([
      'loopback',
      'linklocal',
      'uniquelocal',
    ]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }, []).trustProxy).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' }, [])).toThrow(/TRUST_PROXY must be false, true/);
  });
});
