// A list that starts indented (a PDF's items measured from a heading to their left) renders flat,
// not as a staircase of ever deeper items.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../../../src/shared/model';
import { renderMarkdown } from '../../../../src/workers/render/markdown';
import { auditPdf } from '../../../support/render-documents';

const item = (text: string, marker: string, depth: number): Block => ({
  type: 'listItem',
  text,
  marker,
  depth,
  ordered: true,
  prov: {},
});

test("a list's depths count from its first item", () => {
  const doc = auditPdf();
  doc.blocks = [item('First', '1.', 1), item('Second', '2.', 1), item('Sub', '(a)', 2)];
  assert.equal(renderMarkdown(doc, { frontMatter: false }), '1. First\n2. Second\n   - (a) Sub\n');
});

test('an item shallower than the first one is still at the left margin', () => {
  const doc = auditPdf();
  doc.blocks = [item('Deep first', '1.', 2), item('Shallow', '2.', 0)];
  assert.equal(renderMarkdown(doc, { frontMatter: false }), '1. Deep first\n2. Shallow\n');
});
