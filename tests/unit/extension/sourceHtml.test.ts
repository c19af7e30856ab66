// The source panel's page: a strict CSP (nothing but the webview's own images and the nonce'd
// script and style), no remote address, theme colours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceHtml } from '../../../src/extension/sourceHtml';

const html = sourceHtml({
  cspSource: 'https://file+.vscode-resource.example',
  nonce: 'abc123',
  title: 'Source <memo>',
  labels: {
    previous: 'Previous',
    next: 'Next',
    loading: 'Rendering…',
    pageOf: 'Page {0} of {1}',
    words: 'Show words',
  },
});

test('the CSP allows nothing but the webview images and the nonce', () => {
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.equal(
    csp,
    "default-src 'none'; img-src https://file+.vscode-resource.example; style-src 'nonce-abc123'; script-src 'nonce-abc123'",
  );
  assert.equal((html.match(/<script nonce="abc123">/g) ?? []).length, 1);
  assert.ok(!/<script(?! nonce)/.test(html), 'every script carries the nonce');
});

test('no remote address, theme colours, escaped title', () => {
  assert.ok(!/https?:\/\/(?!file\+)/.test(html));
  assert.match(html, /var\(--vscode-editor-background\)/);
  assert.match(html, /<title>Source &#60;memo&#62;<\/title>/);
});

test('the words overlay: a toggle, boxes placed through the CSSOM, no inline style attribute', () => {
  assert.match(html, /<button id="words-toggle" aria-pressed="false" hidden>Show words<\/button>/);
  assert.ok(!/ style="/.test(html), 'no style attribute, which the CSP would block');
  assert.match(html, /box\.style\.left = /);
  assert.match(html, /\.word\.low \{[^}]*var\(--vscode-editorWarning-foreground\)/);
});
