// Every route's schemas compile, in the real app. The request validators are made on demand and
// the rest once the process is ready (src/http/shared-validators.ts), and the response serializers
// while the index loads (src/http/shared-serializers.ts): a schema that cannot be compiled no longer
// stops the start, so this is where one is caught.
import { describe, expect, it } from 'vitest';
import { schemasPrepared } from '../src/app.ts';
import { useTestApp } from './helpers/test-app.ts';

const app = useTestApp({ demo: true });

describe("the app's route schemas", () => {
  it('all compile, the request validators and the response serializers', async () => {
    const failures = await schemasPrepared(app.t.app);
    expect(failures.map((error) => error.message)).toEqual([]);
    // The process serves all its routes (a failure would make /readyz say so).
    expect((await app.get('/readyz')).json()).toEqual({ status: 'ready' });
  });
});
