import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers of src, lowest first. A module may import its own layer and those below it, never
// one above: the engine knows nothing of pools, the pool thread nothing of the child's batch loop,
// and the parent side (runner, CLI, extension) nothing of the workers' code, which it only forks.
// Each layer is named by its folders; an import is matched by the folder names in its path.
const LAYERS = [
  { name: 'shared', files: ['src/shared/**'], folders: ['shared'] },
  { name: 'zip', files: ['src/workers/zip/**'], folders: ['zip'] },
  { name: 'engine', files: ['src/workers/engine/**'], folders: ['engine'] },
  {
    name: 'normalize/render',
    files: ['src/workers/normalize/**', 'src/workers/render/**'],
    folders: ['normalize', 'render'],
  },
  { name: 'ocr', files: ['src/workers/ocr/**'], folders: ['ocr'] },
  { name: 'extractors', files: ['src/workers/extractors/**'], folders: ['extractors'] },
  { name: 'output', files: ['src/workers/output/**'], folders: ['output'] },
  // The search index and near-duplicate signatures, built by the child from written outputs.
  // (Not `search`: src/shared/search.ts is the shared types, which that name would forbid.)
  { name: 'text-search', files: ['src/workers/text-search/**'], folders: ['text-search'] },
  { name: 'thread', files: ['src/workers/thread/**'], folders: ['thread'] },
  { name: 'child', files: ['src/workers/child/**'], folders: ['child'] },
  // The parent side: it forks dist/child.mjs and never bundles worker code.
  { name: 'runner', files: ['src/runner/**'], folders: ['runner'], parentSide: true, base: true },
  // The Redis job queue (issue 14): coordinator, queue worker and status, over the runner.
  { name: 'queue', files: ['src/queue/**'], folders: ['queue'], parentSide: true, base: true },
  { name: 'cli', files: ['src/cli/**'], folders: ['cli'], parentSide: true },
  { name: 'extension', files: ['src/extension/**'], folders: ['extension'], parentSide: true },
];

/**
 * Folder names a layer must not import: every layer above it; for the parent side, the workers
 * and every peer except the base layers listed before it.
 */
function forbiddenFor(index) {
  const layer = LAYERS[index];
  if (layer.parentSide) {
    // Base layers (runner, queue) serve those after them; no other parent-side peer is imported.
    const peers = LAYERS.filter((l, i) => l.parentSide && l !== layer && !(l.base && i < index));
    return ['workers', ...peers.map((l) => l.name)];
  }
  const above = LAYERS.slice(index + 1).flatMap((l) => l.folders);
  return layer.name === 'shared' ? [...above, 'workers'] : above.filter((f) => f !== 'workers');
}

const vscodeOnlyInExtension = {
  name: 'vscode',
  message: 'Only src/extension may import vscode: everything else runs in plain Node.',
};

function layerRules() {
  return LAYERS.map((layer, index) => {
    const forbidden = [...new Set(forbiddenFor(index))];
    return {
      files: layer.files,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: layer.name === 'extension' ? [] : [vscodeOnlyInExtension],
            patterns: [
              {
                regex: `(^|/)(${forbidden.join('|')})(/|$)`,
                message: `${layer.name} may not import ${forbidden.join(', ')} (layer order in eslint.config.mjs): move the shared piece down instead.`,
              },
            ],
          },
        ],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'fixtures/', 'test-output/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  ...layerRules(),
);
