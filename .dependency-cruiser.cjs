/** Module boundaries of Passerelle (see docs/architecture.md). */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment: 'A module is used by others only through its index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'domain-without-fastify',
      comment:
        'Only HTTP adapters (*.api.ts, *.web.ts, src/http, app.ts) know Fastify; domain code throws AppError.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: ['\\.(api|web)\\.ts$', '^src/http/', '^src/app\\.ts$', '\\.test\\.tsx?$'],
      },
      to: { path: '^node_modules/(fastify|@fastify/)' },
    },
    {
      name: 'shared-stays-below-modules',
      comment: 'shared, i18n and db are used by modules, never the other way round.',
      severity: 'error',
      from: { path: '^src/(shared|i18n)/' },
      to: { path: '^src/(modules|http|db)/' },
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
