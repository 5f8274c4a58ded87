/**
 * The import boundaries of ARCHITECTURE.md, checked on every `npm run lint` (and so on every `npm test`).
 * Paths are relative to the repository root.
 */
const PROJECT = '^(electron|renderer|sync-agent|kiosk-config|county|domain|build|tests)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-of-the-project',
      comment: 'domain/ is shared by all parts and depends on none of them.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: PROJECT, pathNot: '^domain/' },
    },
    {
      name: 'domain-stays-pure',
      comment:
        'Only domain files named *.nodejs.ts may use Node APIs; the rest run anywhere, the renderer included.',
      severity: 'error',
      from: { path: '^domain/', pathNot: '\\.nodejs\\.ts$|\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-domain-does-not-import-node-domain',
      severity: 'error',
      from: { path: '^domain/', pathNot: '\\.nodejs\\.ts$|\\.test\\.ts$' },
      to: { path: '^domain/.*\\.nodejs\\.ts$' },
    },
    {
      name: 'renderer-reaches-no-node',
      comment: 'The renderer is sandboxed: no Node built-ins, no Node-only domain modules.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-imports-pure-domain-and-api-types-only',
      severity: 'error',
      from: { path: '^renderer/' },
      to: {
        path: PROJECT,
        pathNot: '^renderer/|^domain/(?!.*\\.nodejs\\.ts$)|^electron/api/contract\\.ts$',
      },
    },
    {
      name: 'renderer-imports-the-api-as-types-only',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/api/contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'electron-imports-domain-config-and-agent-only',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: PROJECT, pathNot: '^(electron|domain|kiosk-config|sync-agent)/' },
    },
    {
      name: 'only-the-electron-glue-imports-electron',
      comment:
        'Handlers, devices and the browser host are plain Node so they run and are tested without Electron.',
      severity: 'error',
      from: { pathNot: '^electron/[^/]+\\.ts$' },
      to: { path: '^node_modules/electron/|^electron$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'sync-agent-imports-domain-and-config-only',
      severity: 'error',
      from: { path: '^sync-agent/' },
      to: { path: PROJECT, pathNot: '^(sync-agent|domain|kiosk-config)/' },
    },
    {
      name: 'kiosk-config-imports-domain-only',
      severity: 'error',
      from: { path: '^kiosk-config/' },
      to: { path: PROJECT, pathNot: '^(kiosk-config|domain)/' },
    },
    {
      name: 'county-imports-domain-only',
      severity: 'error',
      from: { path: '^county/' },
      to: { path: PROJECT, pathNot: '^(county|domain)/' },
    },
    {
      name: 'build-imports-nothing-of-the-project',
      comment: 'build/ packages and starts the built programs; it does not link their code.',
      severity: 'error',
      from: { path: '^build/' },
      to: { path: PROJECT, pathNot: '^build/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
