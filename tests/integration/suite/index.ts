// Standard @vscode/test-electron style entry (a module exporting run()), used both by the
// offline code-server harness and by run-electron.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // FOLIO_TEST_GREP runs only the tests whose title matches (a focused run on a busy machine).
  const grep = process.env.FOLIO_TEST_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 180_000, ...(grep ? { grep } : {}) });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve(),
    );
  });
}
