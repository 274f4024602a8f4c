// Import rules for Duban, checked by `npm run check` (depcruise). They say in code what the README's map says in
// words: lower layers never import higher ones, workflows stay bundleable, shared code never reaches into a feature,
// and there are no import cycles, type-only imports included.
//
// Layer order, lowest first (a layer may import its own and any lower layer, never a higher one):
//   platform ← domain ← db, bot/lark ← services ← bot (rest) ← activities ← dashboard ← app
// workflows/ sit beside the layers (rules below); larksim/ is a standalone program; test/ and bench/ import anything.

/** Layers lowest first. Layers of one rank are peers: neither imports the other. */
const RANKS = [
  ['platform'],
  ['domain'],
  ['db', 'bot/lark'],
  ['services'],
  ['bot'],
  ['activities'],
  ['dashboard'],
  ['app'],
];
/** `bot` is the rest of bot/: its feature folders and the webhook, chat and cards plumbing. */
const LAYER_PATH = { bot: '^bot/(?!lark/)', 'bot/lark': '^bot/lark/' };
const layerPath = (layer) => LAYER_PATH[layer] ?? `^${layer}/`;

/** One folder per feature in every layer. `ledgers` is the helper loans and projects share. */
const FEATURES = [
  'items',
  'escalation',
  'org',
  'calendar',
  'campaigns',
  'cadence',
  'crosscheck',
  'loans',
  'projects',
  'ranking',
  'digest',
  'ledgers',
];
const FEATURE_FOLDER = `^(domain|db|services|bot|activities|dashboard|workflows)/(${FEATURES.join('|')})/`;

/** Code every feature plugs into; it must not know any feature. */
const SHARED = [
  '^bot/(lark|webhook|chat|cards)/',
  '^db/[^/]+$',
  '^db/migrations/',
  '^dashboard/[^/]+$',
  '^dashboard/pages/',
  '^services/shared/',
  '^activities/ledgers/',
];

const upward = RANKS.flatMap((rank, i) =>
  rank.map((layer) => {
    const higher = RANKS.slice(i + 1).flat();
    const peers = rank.filter((other) => other !== layer);
    const forbidden = [...peers, ...higher];
    return {
      name: `layer-${layer.replace('/', '-')}`,
      comment: `${layer} must not import ${forbidden.join(', ')} (${peers.length ? 'its peer and ' : ''}the layers above it; the order is at the top of .dependency-cruiser.cjs).`,
      severity: 'error',
      from: { path: layerPath(layer) },
      to: { path: forbidden.map(layerPath) },
    };
  }),
).filter((rule) => rule.to.path.length > 0);

/** Feature folders shared code may use from anywhere: who the viewer is and what they may see; working days. */
const FOUNDATIONS = ['^(domain|db)/(org|calendar)/'];

/**
 * Shared files that import features today, each with the only targets it may import and why. `pending` ones are
 * printed as warnings on every run until the named fix lands; the rest are intended. Any other feature import from
 * these files is an error like everywhere else.
 */
const SHARED_EXCEPTIONS = [
  {
    from: '^db/schema\\.ts$',
    allow: ['^domain/items/'],
    why: 'the foundation tables of migration 001 include the items table, whose state column is typed ItemState',
  },
  {
    from: '^activities/ledgers/',
    allow: ['^(db|activities)/(items|ledgers)/'],
    why: 'the ledger-card helper of loans and projects records and sends its cards through the items card delivery',
  },
];

const excepted = SHARED_EXCEPTIONS.map((e) => e.from);
const sharedRules = [
  {
    name: 'shared-imports-no-feature',
    comment:
      'Shared code (bot/lark, bot/webhook, bot/chat, bot/cards, db/*.ts, db/migrations, dashboard/*.ts, dashboard/pages, services/shared, activities/ledgers) must not know a feature: features plug into it through app/features. Only the foundations org and calendar in domain/ and db/ are open to it.',
    severity: 'error',
    from: { path: SHARED, pathNot: excepted },
    to: { path: FEATURE_FOLDER, pathNot: FOUNDATIONS },
  },
  ...SHARED_EXCEPTIONS.flatMap((e) => [
    {
      name: 'shared-imports-no-feature',
      comment: `Shared code must not know a feature. This file may import only ${e.allow.join(', ')}: ${e.why ?? e.pending}.`,
      severity: 'error',
      from: { path: e.from },
      to: { path: FEATURE_FOLDER, pathNot: [...FOUNDATIONS, ...e.allow] },
    },
    ...(e.pending
      ? [
          {
            name: 'shared-imports-feature-pending',
            comment: `Known, to be fixed: ${e.pending}.`,
            severity: 'warn',
            from: { path: e.from },
            to: { path: e.allow },
          },
        ]
      : []),
  ]),
];

/** Known cycles waiting for a fix in a file someone else is editing; warned about on every run. */
const PENDING_CYCLES = [];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'Import cycles, type-only imports included (tsPreCompilationDeps keeps `import type` edges in the graph). Break the cycle by moving the shared part down.',
      severity: 'error',
      from: { pathNot: PENDING_CYCLES.flatMap((c) => c.files) },
      to: { circular: true },
    },
    ...PENDING_CYCLES.map((c) => ({
      name: 'no-circular-pending',
      comment: `Known cycle, to be fixed: ${c.fix}.`,
      severity: 'warn',
      from: { path: c.files },
      to: { circular: true },
    })),

    ...upward,

    {
      name: 'domain-is-pure',
      comment:
        'domain/ is plain TypeScript: it imports only domain/ and runtime npm packages (Biome bans node:* and I/O packages there).',
      severity: 'error',
      from: { path: '^domain/' },
      to: { pathNot: '^domain/', dependencyTypesNot: ['npm'] },
    },

    {
      name: 'workflow-imports',
      comment:
        'Workflow code is bundled into the deterministic sandbox: it imports only @temporalio/workflow, @temporalio/common (types), other workflows/ files, domain/ and activities/ (types).',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { pathNot: ['^(workflows|domain|activities)/', '^node_modules/@temporalio/(workflow|common)/'] },
    },
    {
      name: 'workflow-type-only-imports',
      comment:
        'Workflows reach activities through proxyActivities<typeof ...>: use `import type`, never a value import (it would pull I/O into the bundle).',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: ['^activities/', '^node_modules/@temporalio/common/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'workflow-files-type-only',
      comment:
        'Outside workflows/, only workflows/**/messages.ts may be imported as values; a workflow file is referenced with `import type` (typed starts). The worker names workflows/index.ts by path, which is no import.',
      severity: 'error',
      from: { pathNot: '^(workflows|test|bench)/' },
      to: { path: '^workflows/', pathNot: '(^|/)messages\\.ts$', dependencyTypesNot: ['type-only'] },
    },

    {
      name: 'larksim-standalone',
      comment: 'larksim/ is a standalone Lark imitation: it imports nothing from the product but platform/.',
      severity: 'error',
      from: { path: '^larksim/' },
      to: { path: '^(app|services|activities|bot|dashboard|db|domain|workflows|test|bench)/' },
    },
    {
      name: 'larksim-only-from-app',
      comment:
        'Only app/ (the dev process) and test/, bench/ start the simulator; product code talks to Lark through bot/lark/.',
      severity: 'error',
      from: { pathNot: '^(app|larksim|test|bench)/' },
      to: { path: '^larksim/' },
    },
    {
      name: 'product-not-test',
      comment: 'Product code never imports test/ or bench/.',
      severity: 'error',
      from: { pathNot: '^(test|bench)/' },
      to: { path: '^(test|bench)/' },
    },

    ...sharedRules,
  ],

  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: '^node_modules/' },
    // Dot files and folders (this config, .tools), data and non-TypeScript assets are not product code.
    exclude: { path: '^(\\.[^/]+|data|test/fixtures|bench/results|larksim/web|dashboard/public)(/|$)' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
