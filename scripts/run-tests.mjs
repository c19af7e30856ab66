// Runs node's built-in test runner over TypeScript test files (via tsx), because Node 20's
// `--test` does not expand globs. Usage: node scripts/run-tests.mjs [dir-or-file ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const targets = process.argv.slice(2);
const roots =
  targets.length > 0
    ? targets
    : ['tests/unit', 'tests/process', 'tests/corpus', 'tests/scripts', 'tests/robustness'];
const files = [];
const walk = (p) => {
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) walk(path.join(p, name));
  } else if (/\.test\.ts$/.test(p)) files.push(p);
};
roots.forEach(walk);
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
