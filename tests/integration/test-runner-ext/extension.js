/* global require, exports */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS extension, loaded as is by VS Code */
// Test-only extension (installed beside Folio in a throw-away extensions folder): runs a
// @vscode/test-electron style suite (a module exporting run()) inside the REAL extension host,
// then writes a result file that the driver polls. Inert unless FOLIO_TEST_ENTRY and
// FOLIO_TEST_RESULT are set in code-server's environment.
const fs = require('fs');
const util = require('util');

exports.activate = async function activate() {
  const entry = process.env.FOLIO_TEST_ENTRY;
  const resultFile = process.env.FOLIO_TEST_RESULT;
  if (!entry || !resultFile) return;
  let log = '';
  let ok = false;
  try {
    // The extension host installs console.* as accessor properties (forwarded to the client), so
    // plain assignment is ignored: redefine them. mocha's reporters capture console.log when first
    // required, so this happens before require(entry).
    for (const m of ['log', 'info', 'warn', 'error']) {
      const orig = console[m];
      Object.defineProperty(console, m, {
        configurable: true,
        writable: true,
        value: (...args) => {
          log += util.format(...args) + '\n';
          return orig.apply(console, args);
        },
      });
    }
    await require(entry).run();
    ok = true;
  } catch (e) {
    log += `\nTEST RUN FAILED: ${(e && e.stack) || e}\n`;
  } finally {
    fs.writeFileSync(resultFile + '.tmp', JSON.stringify({ ok, log }));
    fs.renameSync(resultFile + '.tmp', resultFile);
  }
};
exports.deactivate = function deactivate() {};
