import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parseCli } from '../../../src/cli/args';
import { PasswordFileError, readPasswordsFor } from '../../../src/extension/passwordFile';

const folder = mkdtempSync(path.join(os.tmpdir(), 'folio-passwords-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

/** What the CLI makes of the same file: its passwords, or its usage error's message. */
function cliPasswords(file: string): Record<string, string> | string {
  try {
    const parsed = parseCli(['extract', folder, '--password-file', file]);
    return parsed.type === 'extract' ? parsed.command.batch.passwords : 'not an extract command';
  } catch (error) {
    return (error as Error).message;
  }
}

test('no setting: no passwords, no error', async () => {
  assert.deepEqual(await readPasswordsFor('', folder), {});
  assert.deepEqual(await readPasswordsFor('  ', folder), {});
});

test('the extension reads a password file as the CLI does: same keys, normalized', async () => {
  const file = write('good.json', '{"./a.pdf":"x","sub\\\\b.pdf":"y","c.pdf":"z"}');
  const passwords = await readPasswordsFor('good.json', folder);
  assert.deepEqual(passwords, { 'a.pdf': 'x', 'sub/b.pdf': 'y', 'c.pdf': 'z' });
  assert.deepEqual(passwords, cliPasswords(file));
  assert.deepEqual(await readPasswordsFor(file, '/elsewhere'), passwords, 'absolute path');
});

test('a bad value stops the run with the CLI parser’s message, naming the file and setting', async () => {
  const cases = {
    'number.json': '{"a.pdf":"x","n.pdf":1}',
    'array.json': '["a"]',
    'broken.json': '{"a.pdf":',
  };
  for (const [name, text] of Object.entries(cases)) {
    const file = write(name, text);
    const cliMessage = cliPasswords(file);
    assert.equal(typeof cliMessage, 'string', `the CLI refuses ${name}`);
    await assert.rejects(readPasswordsFor(name, folder), (error: Error) => {
      assert.ok(error instanceof PasswordFileError);
      assert.ok(error.message.startsWith(cliMessage as string), error.message);
      assert.ok(error.message.includes(file) && error.message.includes('folio.passwordFile'));
      return true;
    });
  }
});

test('a password file that is set but missing is an error, not a run without passwords', async () => {
  await assert.rejects(
    readPasswordsFor('missing.json', folder),
    (error: Error) =>
      error instanceof PasswordFileError &&
      /cannot read the password file .*missing\.json \(ENOENT; setting folio\.passwordFile\)/.test(
        error.message,
      ),
  );
});
