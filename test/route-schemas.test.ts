// Every route's schemas compile, in the real app. The request validators are made on demand and
// the rest once the process is ready (src/http/shared-validators.ts), and the response serializers
// while the index loads (src/http/shared-serializers.ts): a schema that cannot be compiled no longer
// stops the start, so this is where one is caught.
import { describe, expect, it } from 'vitest';
import { schemasPrepared } from '../src/app.ts';
import { serializableSchema } from '../src/http/serializable-schema.ts';
import { useTestApp } from './helpers/test-app.ts';

const app = useTestApp({ demo: true });

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe("the app's route schemas", () => {
  it('all compile, the request validators and the response serializers', async () => {
    const failures = await schemasPrepared(app.t.app);
    expect(failures.map((error) => error.message)).toEqual([]);
    // The process serves all its routes (a failure would make /readyz say so).
    expect((await app.get('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('serialise every response without a validator: no union is left once written for the serializer', () => {
    // A union left would have its serializer compile an Ajv validator of the whole schema (tens of
    // milliseconds before ready) and validate each of its values on every response.
    const paths = (app.t.app.swagger() as { paths: Record<string, Record<string, Operation>> }).paths;
    const left: string[] = [];
    let responses = 0;
    for (const [path, operations] of Object.entries(paths))
      for (const [method, operation] of Object.entries(operations))
        for (const [status, { content = {} }] of Object.entries(operation.responses ?? {}))
          for (const { schema } of Object.values(content)) {
            responses++;
            if (/"(anyOf|oneOf)"/.test(JSON.stringify(serializableSchema(schema))))
              left.push(`${method.toUpperCase()} ${path} ${status}`);
          }
    expect(responses).toBeGreaterThan(20);
    expect(left).toEqual([]);
  });
});
