/**
 * The shape of Passerelle, checked on every `npm test` (see docs/architecture.md, "Layout").
 *
 * - The kernel (config, db, shared, i18n, http, views) imports no module; app.ts, server.ts,
 *   jobs.ts and the command-line tools put the modules together.
 * - Modules are layered in the order of src/modules/index.ts: a module imports only modules listed
 *   before it, and only their index.ts.
 * - An index.ts exports no routes; domain code (use cases, repositories, policies, services) does
 *   not reach Fastify, directly or through what it imports; views import no repository or use case.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** Module folders in layer order, read from the list in src/modules/index.ts. */
function moduleOrder() {
  const source = readFileSync(join(__dirname, 'src/modules/index.ts'), 'utf8');
  const folderOf = new Map(
    [...source.matchAll(/import \{ (\w+) \} from '\.\/([\w-]+)\/module\.ts';/g)].map((m) => [m[1], m[2]]),
  );
  const list = /const manifests = \[([^\]]*)\]/.exec(source)[1];
  return list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => folderOf.get(name));
}

const order = moduleOrder();
const layerRules = order.slice(0, -1).map((name, i) => ({
  name: `layer-${name}`,
  comment: `${name} may use only the modules before it in src/modules/index.ts.`,
  severity: 'error',
  from: { path: `^src/modules/${name}/` },
  to: { path: `^src/modules/(${order.slice(i + 1).join('|')})/` },
}));

/** Files that speak HTTP: route plugins, module manifests, the kernel's http folder, app.ts. */
const httpSide = [
  '\\.(web|api)\\.ts$',
  '/module\\.ts$',
  '^src/modules/index\\.ts$',
  '^src/http/',
  '^src/app\\.ts$',
  '^src/server\\.ts$',
];
const views = ['/views/', '\\.tsx$', '^src/views/', '^src/modules/[^/]+/views\\.ts$'];
/** What turns data into what pages show: views, and the presenters that build their data. */
const viewSide = [...views, '/presenters/', '/present-[^/]+\\.ts$'];
const tests = ['\\.test\\.tsx?$'];

module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment:
        'A module is used by others only through its index.ts, and its pages through views.ts (page parts for other modules’ pages); tests may set up any module.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|views)\\.ts$'],
      },
    },
    ...layerRules,
    {
      name: 'kernel-below-modules',
      comment:
        'config, db, shared, i18n, http and views are used by modules, never the other way round (db/schema.ts gathers the tables for Drizzle, i18n/catalogue.ts the messages).',
      severity: 'error',
      from: {
        path: '^src/(shared|i18n|http|views|db|config)',
        pathNot: ['^src/db/schema\\.ts$', '^src/i18n/catalogue\\.ts$'],
      },
      to: { path: '^src/modules/' },
    },
    {
      name: 'catalogue-reads-only-messages',
      comment: 'The message catalogue reads the modules’ messages files and nothing else of theirs.',
      severity: 'error',
      from: { path: '^src/i18n/catalogue\\.ts$' },
      to: { path: '^src/modules/', pathNot: '^src/modules/[^/]+/messages/[a-z]{2}\\.json$' },
    },
    {
      name: 'shared-below-http',
      comment: 'shared, i18n and db know nothing of HTTP.',
      severity: 'error',
      from: { path: '^src/(shared|i18n|db)/' },
      to: { path: '^src/(http|views)/' },
    },
    {
      name: 'index-exports-no-routes',
      comment: 'index.ts gives other modules queries, policies and types, never routes or manifests.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/index\\.ts$' },
      to: { path: ['\\.(web|api)\\.ts$', '/module\\.ts$', '/views/'] },
    },
    {
      name: 'domain-without-fastify',
      comment:
        'Use cases, repositories, policies and services do not reach Fastify, not even through what they import; they throw AppError.',
      severity: 'error',
      from: { path: '^src/(modules|shared)/', pathNot: [...httpSide, ...viewSide, ...tests] },
      to: { path: '^node_modules/(fastify|@fastify/)', reachable: true },
    },
    {
      name: 'views-get-presented-data',
      comment: 'Pages receive presented data: a view imports no repository, use case or service.',
      severity: 'error',
      from: { path: views },
      to: { path: ['\\.repo\\.ts$', '/use-cases/', '\\.service\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { pathNot: ['\\.schema\\.ts$'] } },
    },
    {
      name: 'no-test-code-in-app',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '(^test/|\\.test\\.tsx?$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
