// The summary block at the top of a Markdown output, and taking it off again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from '../../../../src/workers/render/markdown';
import { stripFrontMatter } from '../../../../src/workers/render/markdown-front';
import { auditPdf, ledgerXlsx } from '../../../support/render-documents';
import { textForCompare } from '../../../support/text-compare';

test('stripFrontMatter leaves exactly the body, and nothing else is mistaken for a summary', () => {
  for (const doc of [auditPdf(), ledgerXlsx()]) {
    assert.equal(
      stripFrontMatter(renderMarkdown(doc)),
      renderMarkdown(doc, { frontMatter: false }),
    );
  }
  // The comparison helper behind CER and word recall sees the body only.
  const compared = textForCompare(renderMarkdown(auditPdf()));
  assert.ok(compared.startsWith('Findings # of items'), compared);
  assert.doesNotMatch(compared, /audit-2023|CONTENT_OMITTED|Running headers/);
  const groundTruth = '# Annual report\n\n> Quoted remark\n\nBody text.\n';
  assert.equal(stripFrontMatter(groundTruth), groundTruth);
  const empty = auditPdf();
  empty.blocks = [];
  assert.equal(stripFrontMatter(renderMarkdown(empty)), '');
});
