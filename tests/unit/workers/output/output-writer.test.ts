import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  outputRelPath,
  OutputNamer,
  resolveInside,
  sanitizeSegment,
} from '../../../../src/workers/output/output-writer';

test('outputs mirror the tree and keep the source extension', () => {
  assert.equal(outputRelPath('a/b/report.pdf', 'md'), 'a/b/report.pdf.md');
  assert.equal(outputRelPath('sheet.xlsx', 'json'), 'sheet.xlsx.json');
});

test('names that could escape or break a file system are sanitized', () => {
  assert.equal(sanitizeSegment('..'), '__');
  for (const bad of [
    '..',
    '.',
    '',
    'a:b',
    'con',
    'CON.pdf',
    'x\u0000y',
    'trail. ',
    'a\\b',
    'q?.pdf',
  ]) {
    const safe = sanitizeSegment(bad);
    assert.ok(safe.length > 0);
    assert.ok(!['.', '..'].includes(safe), bad);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(safe, /[\u0000-\u001f<>:"/\\|?*]/, bad);
    assert.doesNotMatch(safe, /[. ]$/, bad);
    assert.doesNotMatch(safe, /^(con|prn|aux|nul)(\.|$)/i, bad);
  }
  assert.equal(outputRelPath('../../etc/passwd', 'md').split('/').includes('..'), false);
  assert.throws(() => resolveInside('/tmp/out', '../evil'), /outside/);
  assert.equal(resolveInside('/tmp/out', 'a/b.md'), '/tmp/out/a/b.md');
});

test('very long and undecodable names are shortened with a hash that keeps them apart', () => {
  const long = 'x'.repeat(300) + '.pdf';
  const other = 'x'.repeat(299) + 'y.pdf';
  const a = sanitizeSegment(long);
  const b = sanitizeSegment(other);
  assert.ok(Buffer.byteLength(a) <= 180);
  assert.ok(a.endsWith('.pdf'));
  assert.notEqual(a, b);
  const multibyte = sanitizeSegment('é'.repeat(200) + '.docx');
  assert.ok(Buffer.byteLength(multibyte) <= 180);
  assert.doesNotMatch(multibyte, /\ufffd/);
  assert.notEqual(sanitizeSegment('caf\ufffd.pdf'), sanitizeSegment('caf\ufffd\ufffd.pdf'));
});

test('two inputs never share an output', () => {
  const namer = new OutputNamer('md');
  const first = namer.claim('a?.pdf');
  const second = namer.claim('a_.pdf');
  const third = namer.claim('A_.PDF');
  assert.equal(new Set([first, second, third].map((p) => p.toLowerCase())).size, 3);
});

test('clashing names: the first in walk order keeps the plain one, whatever order they are prepared in', () => {
  const walk = ['Report.pdf', 'report.pdf'];
  const namer = new OutputNamer('md', walk);
  assert.equal(namer.claim('report.pdf'), namer.claim('report.pdf'));
  assert.equal(namer.claim('Report.pdf'), 'Report.pdf.md');
  assert.match(namer.claim('report.pdf'), /^report\.pdf~[0-9a-f]+\.md$/);
  // A resumed batch (a subset, in another order) hands out the same names.
  const resumed = new OutputNamer('md', walk);
  assert.equal(resumed.claim('report.pdf'), namer.claim('report.pdf'));
});
