// The run report page: strict CSP, escaped content, the timeline chart and the table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderReportHtml, timelineSvg } from '../../../src/extension/reportHtml';
import { runReport } from '../../support/run-report';

test('report page: strict CSP with the nonce, escaped content, a chart and the table', () => {
  const html = renderReportHtml(
    runReport(
      [
        { path: '<evil>.pdf', kind: 'pdf', status: 'failed', code: 'CORRUPT', ms: 12 },
        { path: 'ok.docx', kind: 'docx', status: 'ok', ms: 340, pages: 2 },
      ],
      {
        timeline: [
          { t: 0, done: 0, total: 2, filesPerMin: 0, rssMb: 100, queued: 2, active: 0, workers: 2 },
          {
            t: 500,
            done: 1,
            total: 2,
            filesPerMin: 60,
            rssMb: 300,
            queued: 0,
            active: 1,
            workers: 2,
          },
        ],
      },
    ),
    { nonce: 'N0NCE', cspSource: 'vscode-resource:' },
  );
  assert.match(html, /default-src 'none'/);
  assert.match(html, /script-src 'nonce-N0NCE'/);
  assert.match(html, /<script nonce="N0NCE">/);
  assert.doesNotMatch(html, /<evil>/);
  assert.match(html, /&lt;evil&gt;\.pdf/);
  assert.doesNotMatch(html, /https?:\/\//, 'nothing is loaded from the network');
  assert.equal((html.match(/<polyline/g) ?? []).length, 2, 'throughput and memory lines');
  assert.match(html, /var\(--vscode-foreground\)/);
  assert.match(timelineSvg(undefined), /No timeline/);
});

test('report page: a row says whose duplicate it is, and how alike its near-duplicates are', () => {
  const html = renderReportHtml(
    runReport([
      { path: 'a.pdf', kind: 'pdf', status: 'ok', ms: 1 },
      { path: 'b.pdf', kind: 'pdf', status: 'ok', ms: 1, duplicateOf: 'a.pdf' },
      {
        path: 'c.pdf',
        kind: 'pdf',
        status: 'ok',
        ms: 1,
        nearDuplicates: [{ path: 'a.pdf', similarity: 0.93 }],
      },
    ]),
    { nonce: 'n', cspSource: 'c' },
  );
  assert.ok(html.includes('>ok · duplicate of a.pdf</td>'));
  assert.ok(html.includes('>ok · ≈ 93% like a.pdf</td>'));
});
