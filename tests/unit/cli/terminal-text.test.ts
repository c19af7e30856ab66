// What reaches the terminal: control characters in names shown as escapes, never run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeControl } from '../../../src/cli/terminal-text';

test('escape sequences, newlines and C1 controls are shown, not sent', () => {
  assert.equal(escapeControl('a\u001b[2Jb.pdf'), 'a\\x1b[2Jb.pdf');
  assert.equal(escapeControl('\u001b]0;owned\u0007.pdf'), '\\x1b]0;owned\\x07.pdf');
  assert.equal(escapeControl('two\nlines\r\t'), 'two\\nlines\\r\\t');
  assert.equal(escapeControl('c1\u009bcsi'), 'c1\\x9bcsi');
  assert.equal(escapeControl('rtl\u202eexe.pdf'), 'rtl\\u202eexe.pdf');
});

test('ordinary names, accents and other scripts pass as they are', () => {
  for (const name of ['Relevé 2024.pdf', 'Überweisung.docx', '請求書.png', 'a b (1).xlsx']) {
    assert.equal(escapeControl(name), name);
  }
});
