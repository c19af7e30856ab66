// The same in-host suite through @vscode/test-electron, for machines WITH internet (it downloads
// VS Code at test time). Offline, use `npm run test:integration` (code-server harness) instead.
// Usage: npm run test:integration:electron
import { runTests } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const out = path.join(root, 'test-output', 'integration');
  const workspace = path.join(out, 'workspace');
  execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'fixtures', 'make-workspace.ts'), workspace],
    {
      stdio: 'inherit',
    },
  );
  execFileSync(process.execPath, [path.join(__dirname, 'build-suite.mjs')], { stdio: 'inherit' });
  await runTests({
    version: process.env.FOLIO_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(out, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
